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
/// the scenario's distribution, endpoints uniform or weighted by capacity or degree.
///
/// Guarantees: depends only on (scenario workload, graph, seed, replication) — never on the protocol
/// or the strategy — so every protocol sees the same payments; sender != receiver always; amounts
/// are at least 1 msat. Reads no file: a replayed workload comes from `PaymentReplay`.
public enum Workload {
    public static func generate(_ scenario: Scenario, graph: ChannelGraph, replication: Int) throws -> [PaymentSpecRecord] {
        let w = scenario.workload
        let stream = RandomStream(kind: scenario.rng, seed: scenario.seed, replication: replication, purpose: .workload)
        let amounts = DistributionSampler(w.amountSat)
        let n = graph.nodeCount
        guard n >= 2 else { return [] }
        let picker = EndpointPicker(graph: graph, choice: w.endpoints)
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
            let sender = fixedSender ?? picker.pick(stream)
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

/// Picks payment endpoints with GSL's discrete sampler.
final class EndpointPicker {
    let discrete: UnsafeMutablePointer<gsl_ran_discrete_t>?
    let count: Int

    init(graph: ChannelGraph, choice: EndpointChoice) {
        count = graph.nodeCount
        switch choice {
        case .uniform:
            discrete = nil
        case .capacityWeighted, .degreeWeighted:
            var weights = [Double](repeating: 0, count: count)
            for c in 0..<graph.channelCount {
                let w = choice == .degreeWeighted ? 1.0 : Double(graph.capacityMsat[c])
                weights[Int(graph.node1[c])] += w
                weights[Int(graph.node2[c])] += w
            }
            if weights.reduce(0, +) <= 0 { weights = [Double](repeating: 1, count: count) }
            discrete = weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc($0.count, $0.baseAddress) }
        }
    }

    deinit { if let discrete { gsl_ran_discrete_free(discrete) } }

    func pick(_ stream: RandomStream) -> Int {
        if let discrete { return gsl_ran_discrete(stream.generator, discrete) }
        return Int(stream.uniformInt(below: UInt64(count)))
    }

    /// A node other than `excluded` (redrawn until different; a single candidate is never asked for).
    func pick(_ stream: RandomStream, excluding excluded: Int) -> Int {
        for _ in 0..<1000 {
            let node = pick(stream)
            if node != excluded { return node }
        }
        // Weights concentrated on one node: fall back to a uniform pick among the others.
        let other = Int(stream.uniformInt(below: UInt64(count - 1)))
        return other >= excluded ? other + 1 : other
    }
}
