import Foundation
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

    /// Two separate `ampsim graph --json` processes (so nothing of one process — hashing seeds, memory
    /// layout, thread timing — is shared) print the same bytes, and every documented key.
    @Test func analysisIsTheSameInTwoProcesses() throws {
        let arguments = ["graph", TestPaths.scenario("quickstart.yaml"), "--set", "graph.nodes=1500", "--json"]
        let first = try CommandRun.ampsim(arguments), second = try CommandRun.ampsim(arguments)
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)")
        #expect(!first.stdout.isEmpty)
        #expect(Array(first.stdout.utf8) == Array(second.stdout.utf8))
        for key in GraphAnalysis.jsonKeys { #expect(first.stdout.contains("\"\(key)\":")) }
    }
}
