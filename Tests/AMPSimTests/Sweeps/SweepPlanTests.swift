import Testing
@testable import AMPSim

/// Planning a sweep: grid order, the file's axes merged with --vary, runs.csv bytes, shards, and the
/// refusals (unknown path, invalid combinations, a path varied twice).
@Suite struct SweepPlanTests {
    let scenario = """
    name: plan
    replications: 2
    graph: {nodes: 60}
    workload: {payments: 10}
    payment: {protocol: amp, strategy: halving}
    sweep:
      vary:
        workload.amount_sat: [1000, 20000]

    """

    func plan(_ varies: [String], sets: [String] = [], shard: SweepShard = .whole) throws -> SweepPlan {
        let path = TestPaths.write(scenario, name: "plan.yaml")
        return try SweepPlan.make(path: path, overrides: sets.map { try Override.parse($0) }, varies: varies, shard: shard)
    }

    func problems(_ varies: [String], sets: [String] = []) -> [String] {
        do { _ = try plan(varies, sets: sets); return [] } catch let e as InputError { return e.diagnostics.map(\.description) } catch { return ["\(error)"] }
    }

    @Test func gridIsTheFileAxesThenVaryLastAxisFastest() throws {
        let p = try plan(["payment.protocol,payment.strategy=keysend:single,mpp:halving"])
        #expect(p.grid.pointCount == 4)
        #expect(p.grid.label(of: 1) == "workload.amount_sat=1000 payment.protocol=mpp payment.strategy=halving")
        #expect(p.points[2].payment.protocol == .keysend && p.points[2].workload.amountSat == Distribution(.constant(20000)))
        #expect(p.runsCSV == """
        run_id,point,replication,workload.amount_sat,payment.protocol,payment.strategy
        p000-r00,0,0,1000,keysend,single
        p000-r01,0,1,1000,keysend,single
        p001-r00,1,0,1000,mpp,halving
        p001-r01,1,1,1000,mpp,halving
        p002-r00,2,0,20000,keysend,single
        p002-r01,2,1,20000,keysend,single
        p003-r00,3,0,20000,mpp,halving
        p003-r01,3,1,20000,mpp,halving

        """)
        #expect(p.scenarioYAML.hasPrefix("# ampsim \(AMPSimVersion.string) sweep\nname: plan\n"))
        // The resolved scenario reads back with the same grid.
        let reread = try ScenarioLoader.load(text: p.scenarioYAML)
        #expect(reread.sweep == p.base.sweep)
    }

    @Test func varyOfTheSameKeyReplacesTheFileAxis() throws {
        let p = try plan(["workload.amount_sat=5000,6000,7000"])
        #expect(p.grid.axes.map(\.values) == [["5000", "6000", "7000"]])
    }

    /// The file's axis that a --vary replaces is not validated against the --set given with it: the
    /// file's strategies include ones `redundant` refuses (Scripts/reproduce.sh redundancy does this).
    @Test func aReplacedFileAxisIsNotValidated() throws {
        let text = """
        name: replaced
        replications: 1
        graph: {nodes: 60}
        workload: {payments: 10}
        payment: {protocol: amp, strategy: fixed-n}
        sweep:
          vary:
            payment.strategy: [fixed-n, optimal-flow]

        """
        let path = TestPaths.write(text, name: "replaced.yaml")
        let sets = [try Override.parse("payment.protocol=redundant")]
        let p = try SweepPlan.make(path: path, overrides: sets, varies: ["payment.strategy=fixed-n,halving"])
        #expect(p.grid.axes.map(\.values) == [["fixed-n", "halving"]])
        #expect(p.points.map(\.payment.strategy) == [.fixedN, .halving])
        // Not replaced: the file's optimal-flow is refused with redundant, at its line.
        do {
            _ = try SweepPlan.make(path: path, overrides: sets, varies: ["workload.amount_sat=1000"])
            Issue.record("expected a refusal")
        } catch let e as InputError {
            #expect(e.diagnostics.map(\.description).contains { $0.hasPrefix("\(path):8: sweep.vary.payment.strategy=optimal-flow: payment.strategy: expected a splitting strategy with protocol redundant") })
        }
    }

    @Test func shardsSplitTheRunsRoundRobin() throws {
        let a = try plan([], shard: SweepShard(index: 1, count: 3)), b = try plan([], shard: SweepShard(index: 2, count: 3))
        #expect(a.runs.map(\.text) == ["p000-r00", "p001-r01"])
        #expect(b.runs.map(\.text) == ["p000-r01"])
    }

    @Test func invalidCombinationsAreRefusedOnceWithTheirCount() {
        #expect(problems(["payment.strategy=single,halving", "payment.protocol=mpp,amp"]).isEmpty)
        #expect(problems(["payment.protocol=keysend,mpp"], sets: ["payment.strategy=single"]).isEmpty)
        // Each value alone is valid with the base (strategy single), but keysend x halving is not.
        let lines = problems(["payment.protocol=keysend,mpp", "payment.strategy=single,halving"], sets: ["payment.strategy=single"])
        #expect(lines == ["--vary payment.strategy=single,halving: payment.strategy: expected single with protocol keysend (a keysend payment is never split), found 'halving' at 2 of 8 grid points, first point 1 (workload.amount_sat=1000 payment.protocol=keysend payment.strategy=halving)"])
    }

    @Test func unknownPathsAndTwiceVariedPathsAreRefused() {
        #expect(problems(["graph.nodez=10,20"]) == ["--vary graph.nodez=10,20: graph.nodez: expected a known field (did you mean 'nodes'?), found an unknown field"])
        #expect(problems(["payment.protocol=keysend,mpp"])
                == ["--vary payment.protocol=keysend,mpp: payment.protocol=keysend: payment.strategy: expected single with protocol keysend (a keysend payment is never split), found 'halving'"])
        #expect(problems(["payment.protocol=mpp,amp", "payment.protocol,payment.strategy=mpp:single,amp:halving"])
                == ["--vary payment.protocol,payment.strategy=mpp:single,amp:halving: payment.protocol: expected a path varied by one axis only, found it varied by --vary payment.protocol=mpp,amp too"])
    }
}
