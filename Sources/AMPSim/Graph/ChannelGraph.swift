/// A Lightning channel graph in compact arrays, ready for path search.
///
/// Channel `c` joins `node1[c]` and `node2[c]`; its two directions are `2c` (node1 → node2) and
/// `2c + 1` (node2 → node1). Per-direction policy arrays are indexed by direction. Outgoing and
/// incoming directions of each node are stored CSR-style (`outStart`/`outDirections`,
/// `inStart`/`inDirections`).
///
/// Guarantees: memory linear in nodes + channels; node and channel indices are dense from 0;
/// `initialBalance1Msat[c]` is within 0 ... capacity; every array has the length its index implies.
/// Immutable once built (runs keep their changing balances elsewhere), so one graph can be shared by
/// concurrent runs.
public struct ChannelGraph: Sendable {
    // Nodes
    /// External id of each node (public key, name or CLoTH id), for outputs.
    public internal(set) var nodeIDs: [String]

    // Channels
    public internal(set) var node1: [Int32]
    public internal(set) var node2: [Int32]
    public internal(set) var capacityMsat: [Int64]
    /// Amount on node1's side at the start of a run.
    public internal(set) var initialBalance1Msat: [Int64]
    /// External id of each channel (short channel id, CLoTH id or generated), for outputs.
    public internal(set) var channelIDs: [String]

    // Directions (2 per channel)
    public internal(set) var feeBaseMsat: [Int64]
    public internal(set) var feeRatePPM: [Int64]
    public internal(set) var cltvDelta: [Int32]
    public internal(set) var htlcMinimumMsat: [Int64]
    public internal(set) var htlcMaximumMsat: [Int64]
    public internal(set) var maxAcceptedHTLCs: [Int32]
    public internal(set) var maxInFlightMsat: [Int64]
    public internal(set) var reserveMsat: [Int64]
    public internal(set) var enabled: [Bool]

    // Adjacency
    public internal(set) var outStart: [Int32]
    public internal(set) var outDirections: [Int32]
    public internal(set) var inStart: [Int32]
    public internal(set) var inDirections: [Int32]

    public var nodeCount: Int { nodeIDs.count }
    public var channelCount: Int { node1.count }
    public var directionCount: Int { node1.count * 2 }

    /// The node a direction leaves from.
    @inlinable public func source(of direction: Int) -> Int {
        Int(direction & 1 == 0 ? node1[direction >> 1] : node2[direction >> 1])
    }

    /// The node a direction leads to.
    @inlinable public func target(of direction: Int) -> Int {
        Int(direction & 1 == 0 ? node2[direction >> 1] : node1[direction >> 1])
    }

    /// The opposite direction of the same channel.
    @inlinable public static func reverse(_ direction: Int) -> Int { direction ^ 1 }

    /// The channel a direction belongs to.
    @inlinable public static func channel(of direction: Int) -> Int { direction >> 1 }

    /// Initial balance held by the source of `direction`.
    @inlinable public func initialBalanceMsat(of direction: Int) -> Int64 {
        let c = direction >> 1
        return direction & 1 == 0 ? initialBalance1Msat[c] : capacityMsat[c] - initialBalance1Msat[c]
    }

    /// Directions leaving `node`.
    @inlinable public func outgoing(_ node: Int) -> ArraySlice<Int32> {
        outDirections[Int(outStart[node])..<Int(outStart[node + 1])]
    }

    /// Directions entering `node`.
    @inlinable public func incoming(_ node: Int) -> ArraySlice<Int32> {
        inDirections[Int(inStart[node])..<Int(inStart[node + 1])]
    }

    /// Number of channels at `node` (both directions count once).
    public func degree(_ node: Int) -> Int { Int(outStart[node + 1] - outStart[node]) }
}

/// The forwarding policy of one channel direction, in msat and ppm as BOLT 7 states it.
public struct DirectionPolicy: Sendable, Equatable {
    public var feeBaseMsat: Int64
    public var feeRatePPM: Int64
    public var cltvDelta: Int32
    public var htlcMinimumMsat: Int64
    /// Int64.max: no maximum beyond capacity.
    public var htlcMaximumMsat: Int64
    public var maxAcceptedHTLCs: Int32
    /// Int64.max: capacity minus reserve.
    public var maxInFlightMsat: Int64
    public var reserveMsat: Int64
    public var enabled: Bool

    public init(feeBaseMsat: Int64 = 0, feeRatePPM: Int64 = 0, cltvDelta: Int32 = 40, htlcMinimumMsat: Int64 = 0,
                htlcMaximumMsat: Int64 = .max, maxAcceptedHTLCs: Int32 = 483, maxInFlightMsat: Int64 = .max,
                reserveMsat: Int64 = 0, enabled: Bool = true) {
        self.feeBaseMsat = feeBaseMsat
        self.feeRatePPM = feeRatePPM
        self.cltvDelta = cltvDelta
        self.htlcMinimumMsat = htlcMinimumMsat
        self.htlcMaximumMsat = htlcMaximumMsat
        self.maxAcceptedHTLCs = maxAcceptedHTLCs
        self.maxInFlightMsat = maxInFlightMsat
        self.reserveMsat = reserveMsat
        self.enabled = enabled
    }
}

/// Collects nodes and channels, then builds a `ChannelGraph` with its adjacency arrays.
///
/// Guarantees: `build()` produces a graph whose adjacency lists hold exactly the added channels, each
/// node's lists in the order channels were added (so builds are deterministic).
public struct ChannelGraphBuilder: Sendable {
    var graph = ChannelGraph(nodeIDs: [], node1: [], node2: [], capacityMsat: [], initialBalance1Msat: [], channelIDs: [],
                             feeBaseMsat: [], feeRatePPM: [], cltvDelta: [], htlcMinimumMsat: [], htlcMaximumMsat: [],
                             maxAcceptedHTLCs: [], maxInFlightMsat: [], reserveMsat: [], enabled: [],
                             outStart: [], outDirections: [], inStart: [], inDirections: [])

    public init() {}

    public var nodeCount: Int { graph.nodeIDs.count }
    public var channelCount: Int { graph.node1.count }

    /// Adds a node; returns its index.
    @discardableResult
    public mutating func addNode(id: String) -> Int {
        graph.nodeIDs.append(id)
        return graph.nodeIDs.count - 1
    }

    /// Adds a channel between two existing nodes; returns its index. `balance1Msat` is node1's side.
    @discardableResult
    public mutating func addChannel(_ a: Int, _ b: Int, capacityMsat: Int64, balance1Msat: Int64, id: String,
                                    policy1: DirectionPolicy, policy2: DirectionPolicy) -> Int {
        precondition(a >= 0 && a < nodeCount && b >= 0 && b < nodeCount, "channel endpoint out of range")
        precondition(balance1Msat >= 0 && balance1Msat <= capacityMsat, "balance outside 0...capacity")
        graph.node1.append(Int32(a))
        graph.node2.append(Int32(b))
        graph.capacityMsat.append(capacityMsat)
        graph.initialBalance1Msat.append(balance1Msat)
        graph.channelIDs.append(id)
        for p in [policy1, policy2] {
            graph.feeBaseMsat.append(p.feeBaseMsat)
            graph.feeRatePPM.append(p.feeRatePPM)
            graph.cltvDelta.append(p.cltvDelta)
            graph.htlcMinimumMsat.append(p.htlcMinimumMsat)
            graph.htlcMaximumMsat.append(p.htlcMaximumMsat)
            graph.maxAcceptedHTLCs.append(p.maxAcceptedHTLCs)
            graph.maxInFlightMsat.append(p.maxInFlightMsat)
            graph.reserveMsat.append(p.reserveMsat)
            graph.enabled.append(p.enabled)
        }
        return graph.node1.count - 1
    }

    /// Sets node1's initial balance of channel `c`.
    public mutating func setBalance1(_ c: Int, _ msat: Int64) {
        precondition(msat >= 0 && msat <= graph.capacityMsat[c])
        graph.initialBalance1Msat[c] = msat
    }

    /// The finished graph.
    public func build() -> ChannelGraph {
        var g = graph
        let n = g.nodeIDs.count
        var outCount = [Int32](repeating: 0, count: n + 1)
        var inCount = [Int32](repeating: 0, count: n + 1)
        for d in 0..<g.directionCount {
            outCount[g.source(of: d) + 1] += 1
            inCount[g.target(of: d) + 1] += 1
        }
        for i in 0..<n {
            outCount[i + 1] += outCount[i]
            inCount[i + 1] += inCount[i]
        }
        g.outStart = outCount
        g.inStart = inCount
        var outFill = Array(outCount.dropLast())
        var inFill = Array(inCount.dropLast())
        g.outDirections = [Int32](repeating: 0, count: g.directionCount)
        g.inDirections = [Int32](repeating: 0, count: g.directionCount)
        for d in 0..<g.directionCount {
            let s = g.source(of: d), t = g.target(of: d)
            g.outDirections[Int(outFill[s])] = Int32(d); outFill[s] += 1
            g.inDirections[Int(inFill[t])] = Int32(d); inFill[t] += 1
        }
        return g
    }
}
