import Foundation
import Testing
@testable import AMPSim

/// What the importers do with records that contradict each other or cannot be used (README,
/// "Importing real snapshots"): refused when which value is right cannot be told, kept unusable and
/// counted when the record is merely useless; nodes counted apart from channels and directions.
@Suite struct ImportDecisionTests {
    typealias S = GraphTestSupport

    func build(_ text: String, format: String, name: String = "g.json") throws -> (ChannelGraph, ImportReport) {
        let dir = try S.temporaryFolder()
        try S.write(text, dir, name)
        let (g, r) = try S.build("graph: {generator: import, format: \(format), path: \(name)}", base: dir)
        return (g, try #require(r))
    }

    func message(_ text: String, format: String) -> String {
        do { _ = try build(text, format: format); return "accepted" } catch let e as InputError { return e.description } catch { return "\(error)" }
    }

    @Test func clnSameChannelWithTwoCapacitiesIsRefused() {
        let entries = [ImporterTests.clnEntry("1x1x0", "A", "B", capacity: "\"amount_msat\": 300000000"),
                       ImporterTests.clnEntry("1x1x0", "B", "A", capacity: "\"amount_msat\": 3000000000")]
        #expect(message("{\"channels\": [\(entries.joined(separator: ", "))]}", format: "cln") ==
                "g.json: channels[1].amount_msat: expected the capacity of channels[0], the same short_channel_id 1x1x0: 300000000 msat, found the number 3000000000")
    }

    @Test func htlcMinimumAboveCapacityMakesTheDirectionUnusable() throws {
        let entries = [
            ImporterTests.clnEntry("1x1x0", "A", "B", capacity: "\"amount_msat\": 300000", extra: ", \"htlc_minimum_msat\": 300001"),
            ImporterTests.clnEntry("1x1x0", "B", "A", capacity: "\"amount_msat\": 300000"),
            ImporterTests.clnEntry("1x2x0", "B", "C", capacity: "\"amount_msat\": 5000", extra: ", \"htlc_minimum_msat\": \"9000msat\""),
        ]
        let (g, r) = try build("{\"channels\": [\(entries.joined(separator: ", "))]}", format: "cln")
        #expect(g.channelCount == 1 && g.enabled == [false, true])
        #expect(r.skipped == [.htlcMinimumAboveCapacity: 2, .missingDirection: 1, .noUsableDirection: 1])
        #expect(r.skippedDirections == 3 && r.skippedChannels == 1)
        #expect(r.nodesWithoutUsableChannel == 1) // C: its one channel was left out
        #expect(r.description == "g.json (cln): 3 nodes (1 without a usable channel), 1 channels, 1 usable directions; "
                + "channels skipped: no_usable_direction 1; directions unusable: htlc_minimum_above_capacity 2, missing_direction 1")
    }

    @Test func lndDuplicatesAreRefusedAndUnlistedNodesCounted() throws {
        let policy = ImporterTests.lndPolicy()
        let edge = ImporterTests.lndEdge("1", "A", "B", "100000", policy, policy)
        #expect(message("{\"nodes\": [{\"pub_key\": \"A\"}, {\"pub_key\": \"B\"}, {\"pub_key\": \"A\"}], \"edges\": [\(edge)]}", format: "lnd") ==
                "g.json: nodes[2].pub_key: expected each node listed once (it is also nodes[0]), found the string 'A'")
        #expect(message("{\"nodes\": [], \"edges\": [], \"nodes\": []}", format: "lnd") ==
                "g.json:1: expected each key at most once in an object, found 'nodes' a second time")
        let (g, r) = try build("{\"nodes\": [{\"pub_key\": \"A\"}], \"edges\": [\(edge)]}", format: "lnd")
        #expect(g.nodeCount == 2 && r.unlistedNodes == 1)
        #expect(r.description.hasPrefix("g.json (lnd): 2 nodes (1 added: not in the node list), 1 channels"))
        let small = try build("{\"nodes\": [{\"pub_key\": \"A\"}, {\"pub_key\": \"B\"}], \"edges\": [\(edge.replacingOccurrences(of: "\"min_htlc\": \"1000\"", with: "\"min_htlc\": \"200000000\""))]}", format: "lnd")
        #expect(small.1.skipped == [.htlcMinimumAboveCapacity: 2, .noUsableDirection: 1] && small.0.channelCount == 0)
    }

    @Test func clothDuplicateNodeIdsAreRefusedAndCRLFIsRead() throws {
        let duplicate = try ImporterTests.clothFolder(nodes: "id\n0\n1\n1\n2\n")
        #expect(throws: InputError.self) { _ = try S.build("graph: {generator: import, format: cloth, path: net}", base: duplicate) }
        do { _ = try S.build("graph: {generator: import, format: cloth, path: net}", base: duplicate) } catch let e as InputError {
            #expect(e.description == "net/nodes.csv:4: id: expected id 2 (ids dense from 0 in order), found 1")
        }
        // CLoTH's own files: *_ln.csv with CRLF line endings.
        let dir = try S.temporaryFolder(), net = dir + "/net"
        try FileManager.default.createDirectory(atPath: net, withIntermediateDirectories: true)
        for (name, text) in [("nodes_ln.csv", ImporterTests.clothNodes), ("channels_ln.csv", ImporterTests.clothChannels), ("edges_ln.csv", ImporterTests.clothEdges)] {
            try S.write(text.replacingOccurrences(of: "\n", with: "\r\n"), net, name)
        }
        let (g, r) = try S.build("graph: {generator: import, format: cloth, path: net}", base: dir)
        #expect(g.nodeCount == 3 && g.channelCount == 2 && r?.usableDirections == 4)
        let json = ImporterTests.lndFixture.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try build(json, format: "lnd").1.usableDirections == 4)
    }

    /// A disabled direction exported to CLoTH stays unusable when read back (min_htlc = capacity + 1).
    @Test func disabledDirectionsSurviveAClothRoundTrip() throws {
        let dir = try S.temporaryFolder()
        try S.write(ImporterTests.lndFixture, dir, "graph.json")
        let (g, report) = try S.build("graph: {generator: import, format: lnd, path: graph.json}", base: dir)
        try ClothExporter.write(g, to: dir + "/out")
        let (h, back) = try S.build("graph: {generator: import, format: cloth, path: out}", base: dir)
        #expect(h.enabled == g.enabled && back?.usableDirections == report?.usableDirections)
        #expect(back?.skipped == [.htlcMinimumAboveCapacity: 2])
    }

    @Test func largestComponentCountsTheNodesItDrops() throws {
        let policy = ImporterTests.lndPolicy()
        let edges = [ImporterTests.lndEdge("1", "A", "B", "100000", policy, policy), ImporterTests.lndEdge("2", "B", "C", "100000", policy, policy),
                     ImporterTests.lndEdge("3", "D", "E", "100000", policy, policy)]
        let nodes = ["A", "B", "C", "D", "E", "F"].map { "{\"pub_key\": \"\($0)\"}" }.joined(separator: ", ")
        let dir = try S.temporaryFolder()
        try S.write("{\"nodes\": [\(nodes)], \"edges\": [\(edges.joined(separator: ", "))]}", dir, "g.json")
        let (g, r) = try S.build("graph: {generator: import, format: lnd, path: g.json, largest_component: true}", base: dir)
        #expect(g.nodeCount == 3 && r?.nodesOutsideLargestComponent == 3 && r?.skipped == [.outsideLargestComponent: 1])
        let analysis = GraphAnalysis(g, report: r, stream: RandomStream(seed: 1))
        #expect(analysis.json.contains("\"outside_largest_component_nodes\": 3") && analysis.json.contains("\"skipped_channels\": 1"))
        #expect(analysis.json.contains("\"nodes_without_usable_channel\": 0") && analysis.json.contains("\"skipped_directions\": 0"))
    }
}
