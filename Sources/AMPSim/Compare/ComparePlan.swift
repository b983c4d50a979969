/// `ampsim compare` as a sweep: the scenario with one grid axis, `payment.protocol,payment.strategy`,
/// holding the configurations, paired against the baseline.
///
/// Guarantees: for a scenario without a `sweep:` section the plan is exactly the one `ampsim sweep
/// SCENARIO --vary 'payment.protocol,payment.strategy=C1,C2,...'` makes (same scenario.yaml, runs.csv
/// and run files), so every configuration of replication r runs on the same graph, balances and
/// payments; a scenario's own `sweep:` axes are left out (the base scenario's values apply) and named
/// in `ignoredAxes`, since a comparison table has one row per configuration.
public struct ComparePlan: Sendable {
    public let sweep: SweepPlan
    public let configurations: [CompareConfiguration]
    public let baseline: CompareConfiguration
    /// The scenario file's own sweep axes, left out.
    public let ignoredAxes: [String]

    public static func make(path: String, overrides: [Override], configurations: [CompareConfiguration],
                            baseline: CompareConfiguration, replications: Int?) throws -> ComparePlan {
        let sweep = try SweepPlan.make(path: path, overrides: overrides, varies: [CompareConfiguration.vary(configurations)],
                                       replications: replications, fileSweep: false)
        let ignored = try ScenarioLoader.load(path: path, overrides: overrides).sweep?.axes.map(\.path) ?? []
        return ComparePlan(sweep: sweep, configurations: configurations, baseline: baseline, ignoredAxes: ignored)
    }

    /// The `--pair` text of the baseline.
    public var pair: String { CompareConfiguration.pair(baseline) }
}
