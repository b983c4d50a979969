import Testing
@testable import AMPSim

@Suite struct GeneratorTests {
    typealias S = GraphTestSupport

    func checkSimple(_ g: ChannelGraph) {
        #expect(S.selfLoops(g) == 0)
        #expect(S.duplicatePairs(g) == 0)
        #expect(S.degreeSum(g) == 2 * g.channelCount)
        for c in 0..<g.channelCount {
            #expect(g.initialBalance1Msat[c] >= 0 && g.initialBalance1Msat[c] <= g.capacityMsat[c])
        }
    }

    @Test func lnLikeStructure() throws {
        let (g, report) = try S.build("graph: {generator: ln-like, nodes: 1000}")
        #expect(report == nil)
        #expect(g.nodeCount == 1000)
        #expect(g.channelCount == 2930)
        #expect(S.componentCount(g) == 1)
        #expect(g.nodeIDs.first == "n0" && g.channelIDs.first == "c0")
        checkSimple(g)
    }

    @Test func lnLikeShapeAt5000() throws {
        let (g, _) = try S.build("graph: {generator: ln-like, nodes: 5000}")
        let a = S.analysis(g)
        #expect(g.channelCount == 14_650)
        #expect(a.components == 1)
        #expect(a.degreeOneShare >= 0.45 && a.degreeOneShare <= 0.65)
        #expect(a.powerLawAlpha >= 1.8 && a.powerLawAlpha <= 2.3)
        #expect(a.assortativity < -0.05)
        #expect(a.degreeMedian == 1)
        checkSimple(g)
    }

    @Test func lnLikeDense2019() throws {
        let (g, _) = try S.build("graph: {generator: ln-like, nodes: 2000, channels: 17000}")
        let a = S.analysis(g)
        #expect(g.channelCount == 17_000)
        #expect(a.components == 1)
        #expect(a.degreeOneShare > 0.1 && a.degreeOneShare < 0.3)
        checkSimple(g)
    }

    @Test func lnLikeNearlyComplete() throws {
        let (g, _) = try S.build("graph: {generator: ln-like, nodes: 12, channels: 60}")
        #expect(g.channelCount == 60)
        #expect(S.componentCount(g) == 1)
        checkSimple(g)
    }

    @Test func barabasiAlbert() throws {
        let (g, _) = try S.build("graph: {generator: barabasi-albert, nodes: 500, edges_per_node: 3}")
        #expect(g.channelCount == 6 + (500 - 4) * 3)
        #expect(S.componentCount(g) == 1)
        checkSimple(g)
    }

    @Test func erdosRenyiExactCount() throws {
        let (g, _) = try S.build("graph: {generator: erdos-renyi, nodes: 300, channels: 900}")
        #expect(g.channelCount == 900)
        checkSimple(g)
        let (dense, _) = try S.build("graph: {generator: erdos-renyi, nodes: 20, channels: 180}")
        #expect(dense.channelCount == 180)
        checkSimple(dense)
    }

    @Test func wattsStrogatz() throws {
        let (g, _) = try S.build("graph: {generator: watts-strogatz, nodes: 400, k: 6, beta: 0.2}")
        #expect(g.channelCount == 1200)
        checkSimple(g)
        let (ring, _) = try S.build("graph: {generator: watts-strogatz, nodes: 50, k: 4, beta: 0}")
        #expect((0..<50).allSatisfy { ring.degree($0) == 4 })
        #expect(S.componentCount(ring) == 1)
    }

    @Test func explicitGraph() throws {
        let yaml = """
        graph:
          generator: explicit
          balance: {fixed: 0.5}
          explicit:
            nodes: [alice, bob, carol]
            channels:
              - {from: alice, to: bob, capacity_sat: 100000, balance_sat: 30000}
              - {from: bob, to: carol, capacity_sat: 50000, policy: {fee_base_msat: 7}, reverse_policy: cln}
        """
        let (g, _) = try S.build(yaml)
        #expect(g.nodeIDs == ["alice", "bob", "carol"])
        #expect(g.capacityMsat == [100_000_000, 50_000_000])
        #expect(g.initialBalance1Msat == [30_000_000, 25_000_000])
        #expect(g.feeBaseMsat[2] == 7)
        #expect(g.cltvDelta[3] == 34)
        #expect(g.reserveMsat[0] == 1_000_000)
        #expect(g.maxInFlightMsat[0] == Int64.max && g.htlcMaximumMsat[0] == Int64.max)
    }

    @Test func capacitiesAreWholeSatAndPositive() throws {
        let (g, _) = try S.build("graph: {generator: ln-like, nodes: 300, capacity_sat: {uniform: {min: 0.2, max: 3.7}}}")
        #expect(g.capacityMsat.allSatisfy { $0 >= 1000 && $0 % 1000 == 0 })
    }

    @Test func largestComponentOnGeneratedGraph() throws {
        let (g, _) = try S.build("graph: {generator: erdos-renyi, nodes: 400, channels: 250, largest_component: true}")
        #expect(S.componentCount(g) == 1)
        #expect(g.nodeCount < 400)
        #expect(g.nodeIDs.last == "n\(g.nodeCount - 1)")
    }
}
