/// The expected cost of a sweep's runs, so that progress and its ETA count work rather than runs: a
/// grid of amounts or graph sizes has cheap and costly points, and the cheap ones must not make the
/// rest look fast.
///
/// Guarantees: a run's cost is its expected payments × (nodes + channels) — the work of a route search
/// grows with the graph and there is one or more per payment — from the point's scenario alone
/// (`ResourceLimits.expectedShape`), never 0; an imported graph, whose size is unknown before it is
/// read, counts as `importedGraphSize` nodes + channels (about the size of the snapshots in data/).
/// Only the ratio between runs matters.
public enum SweepCost {
    public static let importedGraphSize = 50_000.0

    /// The cost of one run of `scenario`.
    public static func run(_ scenario: Scenario) -> Double {
        let shape = ResourceLimits.expectedShape(scenario)
        let size = scenario.graph.generator == .import ? importedGraphSize : shape.nodes + shape.channels
        return max(1, shape.payments) * max(1, size)
    }

    /// The cost of each run of `plan` (indexed like `plan.runs`).
    public static func runs(_ plan: SweepPlan) -> [Double] {
        let perPoint = plan.points.map(run)
        return plan.runs.map { perPoint[$0.point] }
    }

    /// Seconds left when work `done` of `total` is finished after `elapsed` seconds, of which
    /// `resumed` was already finished when the execution started (and took no time now); nil before
    /// any work was done now.
    public static func etaSeconds(done: Double, total: Double, resumed: Double, elapsed: Double) -> Double? {
        let ran = done - resumed
        guard elapsed > 0, ran > 0 else { return nil }
        return max(0, total - done) * elapsed / ran
    }
}
