/// One case of the benchmark suite (issue #11): a scenario file in Benchmarks/ run as one
/// `ampsim run` child process, or case D, an `ampsim sweep` of case A's scenario at --jobs 1 and 2.
///
/// Cases F, G, H (issue #20) have CLoTH's input shape: its replayed payments on an imported CLoTH
/// graph, no oracle. Case I is the 100,000-node network.
///
/// Guarantees: the list is fixed and ordered A … I; each case names its scenario file, so the
/// suite's inputs are plain files anyone can `ampsim run` by hand.
public struct BenchCase: Sendable, Equatable {
    public var id: String
    public var title: String
    public var scenarioFile: String
    /// Case D: the throughput ratio of concurrent against sequential runs of `scenarioFile`.
    public var isParallelSweep: Bool

    public static let all: [BenchCase] = [
        BenchCase(id: "A", title: "ln-like 6k nodes/30k ch, 5k keysend, single", scenarioFile: "A-keysend.yaml", isParallelSweep: false),
        BenchCase(id: "B", title: "same graph + payments, AMP, halving", scenarioFile: "B-amp-halving.yaml", isParallelSweep: false),
        BenchCase(id: "C", title: "ln-like 20k nodes/60k ch, 20k AMP, window", scenarioFile: "C-amp-window.yaml", isParallelSweep: false),
        BenchCase(id: "D", title: "20 runs of case A, jobs 1 vs jobs 2", scenarioFile: "A-keysend.yaml", isParallelSweep: true),
        BenchCase(id: "E", title: "lnd snapshot 2019-03-09, 5k MPP, lnd splitter", scenarioFile: "E-lnd-snapshot.yaml", isParallelSweep: false),
        BenchCase(id: "F", title: "CLoTH-shaped 6k/30k, 2k keysend x 10,000 sat", scenarioFile: "F-cloth-10k-sat.yaml", isParallelSweep: false),
        BenchCase(id: "G", title: "CLoTH-shaped 6k/30k, 2k keysend x 100,000 sat", scenarioFile: "G-cloth-100k-sat.yaml", isParallelSweep: false),
        BenchCase(id: "H", title: "CLoTH-shaped 6k/30k, 5k keysend x 100 sat", scenarioFile: "H-cloth-100-sat.yaml", isParallelSweep: false),
        BenchCase(id: "I", title: "ln-like 100k nodes/300k ch, 100k AMP, halving", scenarioFile: "I-amp-100k.yaml", isParallelSweep: false),
    ]

    /// The cases whose ids are listed (case-insensitive), in suite order; nil when an id is unknown.
    public static func select(_ ids: [String]) -> [BenchCase]? {
        let wanted = Set(ids.map { $0.uppercased() })
        guard wanted.isSubset(of: Set(all.map(\.id))) else { return nil }
        return all.filter { wanted.contains($0.id) }
    }
}
