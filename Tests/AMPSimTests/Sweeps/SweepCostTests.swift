import Testing
@testable import AMPSim

/// The sweep ETA weighs the runs left by their expected cost (payments × (nodes + channels)).
@Suite struct SweepCostTests {
    func scenario(_ extra: [String]) throws -> Scenario {
        try ScenarioLoader.load(text: """
        name: cost
        graph: {generator: erdos-renyi, nodes: 100, channels: 300}
        workload: {payments: 50}
        """, label: "cost.yaml", overrides: extra.map { try Override.parse($0) })
    }

    @Test func aRunCostsPaymentsTimesNodesAndChannels() throws {
        #expect(SweepCost.run(try scenario([])) == 50 * 400)
        #expect(SweepCost.run(try scenario(["graph.nodes=1000", "graph.channels=3000"])) == 50 * 4000)
        #expect(SweepCost.run(try scenario(["workload.payments=500"])) == 500 * 400)
    }

    /// Two cheap runs (cost 1 each) took 2 s; the one costly run left (cost 98) is 98 times the work of
    /// one of them: 98 s, where counting runs would say 1 s.
    @Test func theETAWeighsWhatIsLeftByCost() {
        #expect(SweepCost.etaSeconds(done: 2, total: 100, resumed: 0, elapsed: 2) == 98)
        // Work found finished when resuming took no time now: only what ran now sets the pace.
        #expect(SweepCost.etaSeconds(done: 60, total: 100, resumed: 50, elapsed: 5) == 20)
        #expect(SweepCost.etaSeconds(done: 50, total: 100, resumed: 50, elapsed: 5) == nil)
        #expect(SweepCost.etaSeconds(done: 0, total: 100, resumed: 0, elapsed: 0) == nil)
        #expect(SweepCost.etaSeconds(done: 100, total: 100, resumed: 0, elapsed: 9) == 0)
    }

    /// A plan's runs get their point's cost: a sweep of amounts over two graph sizes.
    @Test func planCostsFollowTheirPoints() throws {
        let path = TestPaths.write("""
        name: cost
        replications: 2
        graph: {generator: erdos-renyi, nodes: 100, channels: 300}
        workload: {payments: 50}
        """)
        let plan = try SweepPlan.make(path: path, varies: ["graph.nodes=100,1000"])
        #expect(SweepCost.runs(plan) == [20_000, 20_000, 65_000, 65_000])
        let progress = SweepExecution.Progress(done: 2, total: 4, resumed: 0, elapsed: 4, doneCost: 40_000, totalCost: 170_000, resumedCost: 0)
        #expect(progress.etaSeconds == 13)
    }
}
