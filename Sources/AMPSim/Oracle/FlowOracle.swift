/// What could have succeeded: for one payment, computed from the TRUE state of the network at the
/// instant it arrives (balances minus what is locked in flight, reserves, htlc maximum, free slots,
/// offline nodes) — what no real sender knows.
///
/// Guarantees:
/// - `maxFlowMsat` is the maximum flow from sender to receiver, capped at the amount (stopping as
///   soon as the amount is reached). Each channel carries one net flow; a
///   direction can carry at most min(balance - reserve, max in flight - pending, free slots · htlc
///   maximum); a direction touching an offline node carries nothing. Fees and htlc minimums are
///   ignored, so it is an upper bound of what any multi-path sender could deliver. Shortest augmenting
///   paths (Edmonds–Karp), each found by a bidirectional breadth-first search, none longer than the
///   routing hop limit: exact when no longer path is needed, else a close approximation of the
///   hop-limited flow (which is a linear program).
/// - `feasibleSinglePath`: some path of at most the hop limit has every direction able to take the
///   whole amount in one HTLC (a free slot, htlc minimum <= amount <= htlc maximum, the amount within
///   balance - reserve and max in flight) — exact (breadth-first search on those directions).
/// - Both searches meet in the middle, so an evaluation touches the region between sender and
///   receiver, not the whole graph.
/// - `senderSpendableMsat` and `receiverInboundMsat`: what the sender's channels could send and the
///   receiver's channels receive, summed (saturating) with the same per-direction limits.
/// All buffers are allocated once per oracle and reused; one evaluation allocates nothing.
public final class FlowOracle {
    let graph: ChannelGraph
    let maxHops: Int
    /// Net flow per direction in the current evaluation (flow[d] = -flow[d ^ 1]).
    var flow: [Int64]
    var capacity: [Int64]
    /// Search labels per node, valid where the stamp equals `phase` (no clearing per search): the
    /// direction each node was reached by from the sender's side, and towards the receiver's side.
    /// Side 0 grows from the sender over outgoing directions, side 1 from the receiver over incoming
    /// ones; node v's label on side s is at index s · nodes + v.
    var labelStamp: [UInt32]
    var parent: [Int32]
    var phase: UInt32 = 0
    /// Each side's breadth-first queue.
    var frontier: [[Int32]] = [[], []]
    var path: [Int32] = []
    /// Directions whose capacity or flow this evaluation set (to reset them cheaply).
    var touched: [Int32] = []
    var capacityStamp: [UInt32]
    var stamp: UInt32 = 0
    /// Each outgoing direction (in the order of `ChannelGraph.outDirections`) and each incoming one
    /// (`inDirections`) as a breadth-first level reads them, in sequence: the far end, and the static
    /// limits of one HTLC (htlc minimum; the least of htlc maximum and channel capacity).
    struct Slot {
        var htlcMinimumMsat: Int64
        var singleMaximumMsat: Int64
        var end: Int32
        var direction: Int32
    }
    let outSlots: [Slot]
    let inSlots: [Slot]

    public init(graph: ChannelGraph, maxHops: Int) {
        self.graph = graph
        self.maxHops = maxHops
        flow = [Int64](repeating: 0, count: graph.directionCount)
        capacity = [Int64](repeating: 0, count: graph.directionCount)
        capacityStamp = [UInt32](repeating: 0, count: graph.directionCount)
        labelStamp = [UInt32](repeating: 0, count: 2 * graph.nodeCount)
        parent = [Int32](repeating: -1, count: 2 * graph.nodeCount)
        func slot(_ d32: Int32, end: Int) -> Slot {
            let d = Int(d32)
            return Slot(htlcMinimumMsat: graph.htlcMinimumMsat[d], singleMaximumMsat: min(graph.htlcMaximumMsat[d], graph.capacityMsat[d >> 1]),
                        end: Int32(end), direction: d32)
        }
        outSlots = graph.outDirections.map { slot($0, end: graph.target(of: Int($0))) }
        inSlots = graph.inDirections.map { slot($0, end: graph.source(of: Int($0))) }
    }

    /// The result for one payment.
    public struct Result: Sendable, Equatable {
        public var maxFlowMsat: Int64
        public var feasibleMultiPath: Bool
        public var feasibleSinglePath: Bool
        public var senderSpendableMsat: Int64
        public var receiverInboundMsat: Int64
    }

    /// What direction `d` could carry in total now (several HTLCs), from the true state.
    @inline(__always)
    func directionCapacity(_ d: Int, network: NetworkState, online: (Int) -> Bool) -> Int64 {
        if capacityStamp[d] == stamp { return capacity[d] }
        capacityStamp[d] = stamp
        touched.append(Int32(d))
        var c: Int64 = 0
        let freeSlots = Int64(graph.maxAcceptedHTLCs[d]) - Int64(network.slots[d])
        if graph.enabled[d] && freeSlots > 0 && online(graph.source(of: d)) && online(graph.target(of: d)) {
            let byBalance = network.balance[d] - graph.reserveMsat[d]
            let byFlight = network.maxInFlight(d) - network.pending[d]
            let (bySlots, overflow) = freeSlots.multipliedReportingOverflow(by: graph.htlcMaximumMsat[d])
            c = max(0, min(byBalance, byFlight, overflow ? .max : bySlots))
        }
        capacity[d] = c
        return c
    }

    /// Starts a new search: every label unset.
    func newPhase() {
        phase &+= 1
        if phase == 0 {
            for i in labelStamp.indices { labelStamp[i] = 0 }
            phase = 1
        }
    }

    @inline(__always) func residual(_ d: Int, network: NetworkState, online: (Int) -> Bool) -> Int64 {
        directionCapacity(d, network: network, online: online) - flow[d]
    }

    /// Evaluates a payment of `amount` msat from `sender` to `receiver` against `network` now.
    public func evaluate(sender: Int, receiver: Int, amount: Int64, network: NetworkState, online: (Int) -> Bool) -> Result {
        stamp &+= 1
        if stamp == 0 {
            for i in capacityStamp.indices { capacityStamp[i] = 0 }
            stamp = 1
        }
        defer {
            for d in touched { flow[Int(d)] = 0; flow[Int(d) ^ 1] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        func total(_ directions: ArraySlice<Int32>) -> Int64 {
            var sum: Int64 = 0
            for d in directions {
                let (s, o) = sum.addingReportingOverflow(directionCapacity(Int(d), network: network, online: online))
                sum = o ? .max : s
            }
            return sum
        }
        let spendable = total(graph.outgoing(sender)[...])
        let inbound = total(graph.incoming(receiver)[...])
        guard sender != receiver, amount > 0 else {
            return Result(maxFlowMsat: 0, feasibleMultiPath: false, feasibleSinglePath: false, senderSpendableMsat: spendable, receiverInboundMsat: inbound)
        }
        let single = singlePath(sender: sender, receiver: receiver, amount: amount, network: network, online: online)
        var flowed: Int64 = 0
        if single {
            flowed = amount   // one path carries it all: the capped maximum flow is the amount
        } else if min(spendable, inbound) > 0 {
            flowed = maxFlow(sender: sender, receiver: receiver, limit: min(amount, spendable, inbound), network: network, online: online)
        }
        return Result(maxFlowMsat: flowed, feasibleMultiPath: flowed >= amount, feasibleSinglePath: single,
                      senderSpendableMsat: spendable, receiverInboundMsat: inbound)
    }

    /// Whether the slot's direction may be used: in one HTLC of `amount` (single path: its static limits
    /// first, read from the slot, then what it can carry now), or with residual capacity left (flow).
    @inline(__always)
    func usable(_ slot: Slot, single: Bool, amount: Int64, network: NetworkState, online: (Int) -> Bool) -> Bool {
        let d = Int(slot.direction)
        if single {
            return amount >= slot.htlcMinimumMsat && amount <= slot.singleMaximumMsat
                && directionCapacity(d, network: network, online: online) >= amount
        }
        return residual(d, network: network, online: online) > 0
    }

    /// A shortest path (fewest hops, at most the hop limit) from `sender` to `receiver` over usable
    /// directions, into `path`: a bidirectional breadth-first search that grows the smaller frontier one
    /// level at a time, so it settles the region between the two ends rather than the whole graph.
    func shortestPath(sender: Int, receiver: Int, single: Bool, amount: Int64, network: NetworkState, online: (Int) -> Bool) -> Bool {
        newPhase()
        seed(0, sender)
        seed(1, receiver)
        var start = (0, 0), levels = 0
        while start.0 < frontier[0].count && start.1 < frontier[1].count && levels < maxHops {
            let side = frontier[0].count - start.0 <= frontier[1].count - start.1 ? 0 : 1
            let end = frontier[side].count
            if let meeting = growLevel(side, from: side == 0 ? start.0 : start.1, single: single, amount: amount, network: network, online: online) {
                buildPath(meeting: meeting, sender: sender, receiver: receiver)
                return true
            }
            if side == 0 { start.0 = end } else { start.1 = end }
            levels += 1
        }
        return false
    }

    /// Starts `side`'s queue at `node`.
    func seed(_ side: Int, _ node: Int) {
        frontier[side].removeAll(keepingCapacity: true)
        frontier[side].append(Int32(node))
        labelStamp[side * graph.nodeCount + node] = phase
        parent[side * graph.nodeCount + node] = -1
    }

    /// Grows `side` by the level of its queue from `begin` on; returns the node where the two sides
    /// meet, if they do.
    func growLevel(_ side: Int, from begin: Int, single: Bool, amount: Int64, network: NetworkState, online: (Int) -> Bool) -> Int? {
        let n = graph.nodeCount, mine = side * n, other = (1 - side) * n
        let starts = side == 0 ? graph.outStart : graph.inStart
        let slots = side == 0 ? outSlots : inSlots
        for i in begin..<frontier[side].count {
            let x = Int(frontier[side][i])
            for j in Int(starts[x])..<Int(starts[x + 1]) {
                let slot = slots[j], y = Int(slot.end)
                guard labelStamp[mine + y] != phase, usable(slot, single: single, amount: amount, network: network, online: online) else { continue }
                labelStamp[mine + y] = phase
                parent[mine + y] = slot.direction
                if labelStamp[other + y] == phase { return y }
                frontier[side].append(Int32(y))
            }
        }
        return nil
    }

    /// The directions sender → meeting (side 0's parents) then meeting → receiver (side 1's parents).
    func buildPath(meeting: Int, sender: Int, receiver: Int) {
        path.removeAll(keepingCapacity: true)
        var v = meeting
        while v != sender {
            let d = parent[v]
            path.append(d)
            v = graph.source(of: Int(d))
        }
        path.reverse()
        v = meeting
        while v != receiver {
            let d = parent[graph.nodeCount + v]
            path.append(d)
            v = graph.target(of: Int(d))
        }
    }

    /// Exact check that one path of at most the hop limit takes the whole amount in one HTLC per hop.
    func singlePath(sender: Int, receiver: Int, amount: Int64, network: NetworkState, online: (Int) -> Bool) -> Bool {
        // A first and a last hop able to take it are necessary: most infeasible payments stop here.
        guard outSlots[Int(graph.outStart[sender])..<Int(graph.outStart[sender + 1])].contains(where: {
                  usable($0, single: true, amount: amount, network: network, online: online) }),
              inSlots[Int(graph.inStart[receiver])..<Int(graph.inStart[receiver + 1])].contains(where: {
                  usable($0, single: true, amount: amount, network: network, online: online) })
        else { return false }
        return shortestPath(sender: sender, receiver: receiver, single: true, amount: amount, network: network, online: online)
    }

    /// Maximum flow by shortest augmenting paths (Edmonds–Karp), each found by the bidirectional search,
    /// stopping at `limit`.
    func maxFlow(sender: Int, receiver: Int, limit: Int64, network: NetworkState, online: (Int) -> Bool) -> Int64 {
        var total: Int64 = 0
        while total < limit && shortestPath(sender: sender, receiver: receiver, single: false, amount: 0, network: network, online: online) {
            var bottleneck = limit - total
            for d in path { bottleneck = min(bottleneck, residual(Int(d), network: network, online: online)) }
            for d in path { flow[Int(d)] += bottleneck; flow[Int(d) ^ 1] -= bottleneck }
            total += bottleneck
        }
        return total
    }
}
