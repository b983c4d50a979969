import Foundation

/// How much a run, a sweep or a graph file may ask for before ampsim refuses it up front, instead of
/// being killed for lack of memory halfway through.
///
/// Guarantees: `check` throws one `InputError` naming the scenario field that asks too much, the
/// estimate and the limit, and how to override it (`--allow-large`); it allocates nothing in
/// proportion to the scenario. Estimates are deliberately generous upper bounds, not predictions.
public struct ResourceLimits: Sendable, Equatable {
    /// Memory a single run may be estimated to need, in bytes.
    public var memoryBytes: Double
    /// Largest graph file read (before decompression), in bytes.
    public var graphFileBytes: Int
    /// Largest graph file once decompressed, in bytes.
    public var decompressedBytes: Int
    /// Most runs (grid points x replications) a sweep may have.
    public var runs: Int

    public init(memoryBytes: Double, graphFileBytes: Int, decompressedBytes: Int, runs: Int) {
        self.memoryBytes = memoryBytes
        self.graphFileBytes = graphFileBytes
        self.decompressedBytes = decompressedBytes
        self.runs = runs
    }

    /// The defaults: 3/4 of this machine's memory, 1 GiB files, 4 GiB decompressed, 100 000 runs.
    public static var standard: ResourceLimits {
        ResourceLimits(memoryBytes: Double(ProcessInfo.processInfo.physicalMemory) * 0.75, graphFileBytes: 1 << 30,
                       decompressedBytes: 4 << 30, runs: 100_000)
    }

    /// No limit at all (`--allow-large`); values still have to fit the scenario's own ranges.
    public static let unlimited = ResourceLimits(memoryBytes: .infinity, graphFileBytes: .max, decompressedBytes: .max, runs: .max)

    /// Bytes held per node, per channel and per payment of one replication (graph, network state,
    /// statistics, path search buffers, records and their CSV text), rounded up.
    static let bytesPerNode = 400.0, bytesPerChannel = 600.0, bytesPerPayment = 600.0, bytesPerPaymentRow = 250.0

    /// Nodes, channels and payments of one replication of `scenario`, as far as known before building
    /// it: an imported graph counts 0 nodes and channels (its file size is checked instead);
    /// `replayPayments` is the row count of `workload.replay`; a `duration_s` workload counts the
    /// payments expected in that time (10% and 100 more), at most `workload.payments`.
    public static func expectedShape(_ scenario: Scenario, replayPayments: Int? = nil) -> (nodes: Double, channels: Double, payments: Double) {
        let g = scenario.graph
        var nodes = Double(g.nodes), channels = Double(g.channels)
        switch g.generator {
        case .explicit:
            nodes = Double(g.explicitNodes.count)
            channels = Double(g.explicitChannels.count)
        case .barabasiAlbert: channels = nodes * Double(g.edgesPerNode)
        case .wattsStrogatz: channels = nodes * Double(g.k) / 2
        case .import: nodes = 0; channels = 0
        case .lnLike, .erdosRenyi: break
        }
        var payments = Double(replayPayments ?? scenario.workload.payments)
        if replayPayments == nil, let d = scenario.workload.durationS {
            payments = min(payments, d * scenario.workload.arrivalRatePerS * 1.1 + 100)
        }
        return (nodes, channels, payments)
    }

    /// Estimated peak memory of one `run` of `scenario`, in bytes: (graph, workload). Imported graphs
    /// count by file size (checked when read), so only their workload counts here. `replayPayments` is
    /// the row count of `workload.replay` (which then gives the payments, not `workload.payments`).
    public static func estimatedBytes(_ scenario: Scenario, replayPayments: Int? = nil) -> (graph: Double, workload: Double) {
        let (nodes, channels, payments) = expectedShape(scenario, replayPayments: replayPayments)
        // payments.csv text of every replication stays in memory until the files are written.
        return (nodes * bytesPerNode + channels * bytesPerChannel,
                payments * bytesPerPayment + payments * Double(scenario.replications) * bytesPerPaymentRow)
    }

    /// Throws when one run of `scenario` is estimated to need more memory than `limits` allow, or when
    /// `runs` (1 for `ampsim run`, grid points x replications for a sweep) exceeds the run limit.
    public static func check(scenario: Scenario, runs: Int, limits: ResourceLimits = .standard, replayPayments: Int? = nil) throws {
        let location = "scenario '\(scenario.name)'"
        let estimate = estimatedBytes(scenario, replayPayments: replayPayments)
        let needed = estimate.graph + estimate.workload
        if needed > limits.memoryBytes {
            let path = estimate.graph >= estimate.workload ? "graph.nodes" : replayPayments == nil ? "workload.payments" : "workload.replay"
            throw InputError(location: location, path: path,
                             expected: "a run estimated to fit in \(gigabytes(limits.memoryBytes)) of memory (pass --allow-large to try anyway)",
                             found: "an estimate of \(gigabytes(needed)) for \(describe(scenario, replayPayments: replayPayments))")
        }
        if runs > limits.runs {
            throw InputError(location: location, path: "sweep",
                             expected: "at most \(limits.runs) runs (grid points x replications; pass --allow-large to run more)",
                             found: "\(runs) runs")
        }
    }

    static func describe(_ s: Scenario, replayPayments: Int? = nil) -> String {
        let graph = s.graph.generator == .import ? "an imported graph" : "\(s.graph.nodes) nodes"
        return "\(graph), \(replayPayments ?? s.workload.payments) payments x \(s.replications) replications"
    }

    static func gigabytes(_ bytes: Double) -> String {
        bytes.isFinite ? String(format: "%.1f GB", bytes / 1e9) : "unlimited"
    }
}
