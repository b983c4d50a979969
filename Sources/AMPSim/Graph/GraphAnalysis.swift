import Foundation

/// The shape figures of a channel graph: size, degrees, power-law tail, assortativity, capacities,
/// components and hop distances — the numbers to compare with the measured Lightning Network.
///
/// Guarantees: deterministic for a given graph and analysis stream; degree = channels at a node;
/// `powerlawAlpha` is the discrete MLE approximation 1 + n / Σ ln(k / (k_min − 0.5)) over degrees
/// k ≥ 10 (NaN when no node reaches 10); assortativity is Pearson's r over both ends of every channel;
/// capacities in sat; components ignore direction; hop distances are BFS over usable (enabled)
/// directions from up to 200 sources drawn from the stream (every node when there are at most 200),
/// averaged over reachable pairs. NaN marks a figure that is undefined for the graph.
public struct GraphAnalysis: Sendable, Equatable {
    public static let powerLawMinimumDegree = 10
    public static let pathSources = 200

    public var nodes = 0
    public var channels = 0
    public var usableDirections = 0
    public var skipped: [ImportReport.Reason: Int] = [:]
    /// Of `skipped`: channel records left out, and directions kept but unusable (imports only).
    public var skippedChannels = 0
    public var skippedDirections = 0
    /// Nodes of the graph with no usable channel direction.
    public var nodesWithoutUsableChannel = 0
    /// Nodes an import dropped with `largest_component`.
    public var outsideLargestComponentNodes = 0
    public var degreeMean = Double.nan
    public var degreeMedian = Double.nan
    public var degreeOneShare = Double.nan
    public var degreeMax = 0
    public var powerLawAlpha = Double.nan
    public var powerLawTailNodes = 0
    public var assortativity = Double.nan
    public var capacityMedianSat = Double.nan
    public var capacityMeanSat = Double.nan
    public var lognormalMu = Double.nan
    public var lognormalSigma = Double.nan
    public var components = 0
    public var largestComponentNodes = 0
    public var averageShortestPathHops = Double.nan

    public init(_ graph: ChannelGraph, report: ImportReport? = nil, stream: RandomStream) {
        nodes = graph.nodeCount
        channels = graph.channelCount
        usableDirections = graph.enabled.reduce(0) { $0 + ($1 ? 1 : 0) }
        skipped = report?.skipped ?? [:]
        skippedChannels = report?.skippedChannels ?? 0
        skippedDirections = report?.skippedDirections ?? 0
        outsideLargestComponentNodes = report?.nodesOutsideLargestComponent ?? 0
        var usable = [Bool](repeating: false, count: nodes)
        for c in 0..<channels where graph.enabled[2 * c] || graph.enabled[2 * c + 1] {
            usable[Int(graph.node1[c])] = true
            usable[Int(graph.node2[c])] = true
        }
        nodesWithoutUsableChannel = usable.reduce(0) { $0 + ($1 ? 0 : 1) }
        guard nodes > 0 else { return }
        let degrees = (0..<nodes).map { graph.degree($0) }
        let degreeValues = degrees.map(Double.init)
        degreeMean = Statistics.mean(degreeValues)
        degreeMedian = Statistics.quantile(degreeValues, 0.5)
        degreeOneShare = Double(degrees.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }) / Double(nodes)
        degreeMax = degrees.max() ?? 0
        (powerLawAlpha, powerLawTailNodes) = Self.powerLaw(degrees)
        assortativity = Self.assortativity(graph, degrees)
        if channels > 0 {
            let sat = graph.capacityMsat.map { Double($0) / 1000 }
            capacityMedianSat = Statistics.quantile(sat, 0.5)
            capacityMeanSat = Statistics.mean(sat)
            let logs = sat.map { log($0) }
            lognormalMu = Statistics.mean(logs)
            lognormalSigma = Statistics.standardDeviation(logs)
        }
        let parts = Components(nodeCount: nodes, node1: graph.node1, node2: graph.node2)
        components = parts.count
        largestComponentNodes = parts.sizes.max() ?? 0
        averageShortestPathHops = Self.averageHops(graph, stream)
    }

    static func powerLaw(_ degrees: [Int]) -> (Double, Int) {
        let kMin = Double(powerLawMinimumDegree) - 0.5
        var n = 0
        var sum = 0.0
        for k in degrees where k >= powerLawMinimumDegree {
            n += 1
            sum += log(Double(k) / kMin)
        }
        return (n > 0 && sum > 0 ? 1 + Double(n) / sum : .nan, n)
    }

    static func assortativity(_ graph: ChannelGraph, _ degrees: [Int]) -> Double {
        guard graph.channelCount > 0 else { return .nan }
        var sx = 0.0, sxx = 0.0, sxy = 0.0
        for c in 0..<graph.channelCount {
            let a = Double(degrees[Int(graph.node1[c])]), b = Double(degrees[Int(graph.node2[c])])
            sx += a + b
            sxx += a * a + b * b
            sxy += 2 * a * b
        }
        let m = Double(2 * graph.channelCount)
        let mean = sx / m
        let variance = sxx / m - mean * mean
        guard variance > 1e-12 else { return .nan }
        return (sxy / m - mean * mean) / variance
    }

    static func averageHops(_ graph: ChannelGraph, _ stream: RandomStream) -> Double {
        let n = graph.nodeCount
        let sources = n <= pathSources ? Array(0..<n) : (0..<pathSources).map { _ in Int(stream.uniformInt(below: UInt64(n))) }
        var distance = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var total = 0.0
        var pairs = 0
        for s in sources {
            for i in 0..<n { distance[i] = -1 }
            distance[s] = 0
            queue[0] = Int32(s)
            var head = 0, tail = 1
            while head < tail {
                let u = Int(queue[head]); head += 1
                for d in graph.outgoing(u) where graph.enabled[Int(d)] {
                    let v = graph.target(of: Int(d))
                    if distance[v] < 0 {
                        distance[v] = distance[u] + 1
                        total += Double(distance[v])
                        pairs += 1
                        queue[tail] = Int32(v); tail += 1
                    }
                }
            }
        }
        return pairs > 0 ? total / Double(pairs) : .nan
    }
}
