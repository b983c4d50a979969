import Testing
@testable import AMPSim

@Suite struct DeterminismTests {
    typealias S = GraphTestSupport

    @Test func sameSeedSameGraph() throws {
        for generator in ["ln-like", "barabasi-albert", "watts-strogatz"] {
            let (a, _) = try S.build("graph: {generator: \(generator), nodes: 800}")
            let (b, _) = try S.build("graph: {generator: \(generator), nodes: 800}")
            #expect(a.node1 == b.node1 && a.node2 == b.node2)
            #expect(a.capacityMsat == b.capacityMsat && a.initialBalance1Msat == b.initialBalance1Msat)
            #expect(a.feeRatePPM == b.feeRatePPM)
        }
    }

    @Test func replicationsDiffer() throws {
        let (a, _) = try S.build("graph: {generator: ln-like, nodes: 800}", replication: 0)
        let (b, _) = try S.build("graph: {generator: ln-like, nodes: 800}", replication: 1)
        #expect(a.node1 != b.node1 || a.node2 != b.node2)
    }

    @Test func policyAndBalanceDoNotMoveTopology() throws {
        let (a, _) = try S.build("graph: {generator: ln-like, nodes: 800}")
        let (b, _) = try S.build("graph: {generator: ln-like, nodes: 800, balance: {beta: {a: 2, b: 2}}, "
                                 + "policy: {fee_rate_ppm: {lognormal: {median: 100, sigma: 1}}}}")
        #expect(a.node1 == b.node1 && a.node2 == b.node2)
        #expect(a.capacityMsat == b.capacityMsat)
        #expect(a.feeRatePPM != b.feeRatePPM)
        #expect(a.initialBalance1Msat != b.initialBalance1Msat)
    }

    @Test func analysisIsDeterministic() throws {
        let (g, _) = try S.build("graph: {generator: ln-like, nodes: 1500}")
        #expect(S.analysis(g).json == S.analysis(g).json)
        for key in GraphAnalysis.jsonKeys { #expect(S.analysis(g).json.contains("\"\(key)\":")) }
    }
}
