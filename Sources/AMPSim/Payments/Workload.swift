import CGSL

/// One payment of the workload: who pays whom, how much, and when it starts.
public struct PaymentSpecRecord: Sendable, Equatable {
    public var sender: Int32
    public var receiver: Int32
    public var amountMsat: Int64
    public var arrival: SimTime
    /// Index of the reusable AMP invoice paid, or -1.
    public var invoice: Int32
}

/// Draws the payments of one replication from the workload stream: Poisson arrivals, amounts from
/// the scenario's distribution, senders and receivers each by their own rule (uniform, weighted by
/// capacity or degree, or uniform among the N nodes of largest capacity).
///
/// Guarantees: depends only on (scenario workload, graph, seed, replication) — never on the protocol
/// or the strategy — so every protocol sees the same payments; sender != receiver always; amounts
/// are at least 1 msat; drawn endpoints always have a usable channel (one enabled direction at least):
/// a node without one can neither pay nor be paid, and drawing it would only measure the graph's
/// isolated nodes. When every node has one, the draws are the same as drawing among all nodes.
/// Reads no file: a replayed workload comes from `PaymentReplay`.
public enum Workload {
    public static func generate(_ scenario: Scenario, graph: ChannelGraph, replication: Int) throws -> [PaymentSpecRecord] {
        let w = scenario.workload
        let stream = RandomStream(kind: scenario.rng, seed: scenario.seed, replication: replication, purpose: .workload)
        let amounts = DistributionSampler(w.amountSat)
        let n = graph.nodeCount
        let usable = EndpointPicker.usableNodes(graph)
        let fixed = w.sender != nil && w.receiver != nil
        if usable.count < 2 && !fixed {
            throw InputError(location: "scenario '\(scenario.name)'", path: "graph",
                             expected: "at least two nodes with a usable channel to draw payments between", found: "\(usable.count)")
        }
        let senderPicker = try EndpointPicker(graph: graph, usable: usable, rule: w.senderEndpoints, field: "workload.sender_endpoints", scenario: scenario)
        let picker = try EndpointPicker(graph: graph, usable: usable, rule: w.receiverEndpoints, field: "workload.receiver_endpoints", scenario: scenario)
        let fixedSender = try w.sender.map { try node(named: $0, field: "workload.sender", in: graph, scenario: scenario) }
        let fixedReceiver = try w.receiver.map { try node(named: $0, field: "workload.receiver", in: graph, scenario: scenario) }
        var invoices: [Int32] = []
        if let recurring = w.recurring {
            invoices = (0..<min(recurring.invoices, n)).map { _ in Int32(picker.pick(stream)) }
        }
        var records: [PaymentSpecRecord] = []
        records.reserveCapacity(min(w.payments, 1 << 20))
        var time: Double = 0
        let rate = w.arrivalRatePerS
        let horizon = w.durationS.map { $0 * 1e6 }
        while records.count < w.payments {
            time += gsl_ran_exponential(stream.generator, 1e6 / rate)
            if let horizon, time > horizon { break }
            let sender = fixedSender ?? senderPicker.pick(stream)
            var receiver: Int
            var invoice: Int32 = -1
            if let recurring = w.recurring, !invoices.isEmpty, stream.uniform() < recurring.share {
                let i = Int(stream.uniformInt(below: UInt64(invoices.count)))
                invoice = Int32(i)
                receiver = Int(invoices[i])
                if receiver == sender { receiver = picker.pick(stream, excluding: sender); invoice = -1 }
            } else if let fixedReceiver, fixedReceiver != sender {
                receiver = fixedReceiver
            } else {
                receiver = picker.pick(stream, excluding: sender)
            }
            let msat = Bounds.msat(sat: amounts.sample(stream))
            records.append(PaymentSpecRecord(sender: Int32(sender), receiver: Int32(receiver), amountMsat: msat,
                                             arrival: Bounds.int64(time, min: 0, max: Bounds.maxMicroseconds), invoice: invoice))
        }
        return records
    }
}

extension Workload {
    static func node(named name: String, field: String, in graph: ChannelGraph, scenario: Scenario) throws -> Int {
        guard let index = graph.nodeIDs.firstIndex(of: name) else {
            throw InputError(location: "scenario '\(scenario.name)'", path: field,
                             expected: "a node id of the graph" + Suggestion.hint(for: name, among: Array(graph.nodeIDs.prefix(10_000))),
                             found: "'\(name)'")
        }
        return index
    }
}

/// Picks payment endpoints among the nodes with a usable channel, with GSL's discrete sampler for
/// weighted rules.
final class EndpointPicker {
    let discrete: UnsafeMutablePointer<gsl_ran_discrete_t>?
    /// The candidates, in id order (uniform rules pick among them).
    let candidates: [Int]
    /// Every node with a usable channel (the last resort when the candidates hold only the excluded one).
    let usable: [Int]

    /// Nodes with at least one usable channel (a channel with an enabled direction), in id order.
    static func usableNodes(_ graph: ChannelGraph) -> [Int] {
        var usable = [Bool](repeating: false, count: graph.nodeCount)
        for c in 0..<graph.channelCount where graph.enabled[2 * c] || graph.enabled[2 * c + 1] {
            usable[Int(graph.node1[c])] = true
            usable[Int(graph.node2[c])] = true
        }
        return usable.indices.filter { usable[$0] }
    }

    init(graph: ChannelGraph, usable: [Int], rule: EndpointRule, field: String, scenario: Scenario) throws {
        self.usable = usable
        func capacities() -> [Double] {
            var weights = [Double](repeating: 0, count: graph.nodeCount)
            for c in 0..<graph.channelCount {
                weights[Int(graph.node1[c])] += Double(graph.capacityMsat[c])
                weights[Int(graph.node2[c])] += Double(graph.capacityMsat[c])
            }
            return weights
        }
        switch rule {
        case .uniform:
            candidates = usable
            discrete = nil
        case .topCapacity(let n):
            guard n <= usable.count, n >= 1 else {
                throw InputError(location: "scenario '\(scenario.name)'", path: field + ".top_capacity",
                                 expected: "a count from 1 to \(usable.count) (the nodes with a usable channel)", found: "\(n)")
            }
            let weights = capacities()
            // Largest total capacity first; ties by node id.
            candidates = usable.sorted { (weights[$0], -$0) > (weights[$1], -$1) }.prefix(n).sorted()
            discrete = nil
        case .capacityWeighted, .degreeWeighted:
            var weights = rule == .capacityWeighted ? capacities() : [Double](repeating: 0, count: graph.nodeCount)
            if rule == .degreeWeighted {
                for c in 0..<graph.channelCount {
                    weights[Int(graph.node1[c])] += 1
                    weights[Int(graph.node2[c])] += 1
                }
            }
            let isUsable = Set(usable)
            for i in weights.indices where !isUsable.contains(i) { weights[i] = 0 }
            if weights.reduce(0, +) <= 0 { for i in usable { weights[i] = 1 } }
            candidates = usable
            discrete = weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc($0.count, $0.baseAddress) }
        }
    }

    deinit { if let discrete { gsl_ran_discrete_free(discrete) } }

    func pick(_ stream: RandomStream) -> Int {
        if let discrete { return gsl_ran_discrete(stream.generator, discrete) }
        return candidates[Int(stream.uniformInt(below: UInt64(candidates.count)))]
    }

    /// A node other than `excluded` (redrawn until different; a single candidate is never asked for).
    func pick(_ stream: RandomStream, excluding excluded: Int) -> Int {
        for _ in 0..<1000 {
            let node = pick(stream)
            if node != excluded { return node }
        }
        // Weights concentrated on one node: fall back to a uniform pick among the other candidates
        // (or, with a single candidate, among the other nodes with a usable channel: never `excluded`).
        var others = candidates.filter { $0 != excluded }
        if others.isEmpty { others = usable.filter { $0 != excluded } }
        return others[Int(stream.uniformInt(below: UInt64(others.count)))]
    }
}
