import Foundation
import Testing
@testable import AMPSim

@Suite struct ImporterTests {
    typealias S = GraphTestSupport

    static func lndPolicy(_ disabled: Bool = false, extra: String = "") -> String {
        "{\"time_lock_delta\": 40, \"min_htlc\": \"1000\", \"fee_base_msat\": \"1000\", \"fee_rate_milli_msat\": \"5\", \"disabled\": \(disabled)\(extra)}"
    }

    static func lndEdge(_ id: String, _ a: String, _ b: String, _ cap: String, _ p1: String, _ p2: String) -> String {
        "{\"channel_id\": \"\(id)\", \"node1_pub\": \"\(a)\", \"node2_pub\": \"\(b)\", \"capacity\": \"\(cap)\", \"node1_policy\": \(p1), \"node2_policy\": \(p2)}"
    }

    static let lndFixture: String = {
        let p = lndPolicy(), off = lndPolicy(true), max = lndPolicy(extra: ", \"max_htlc_msat\": \"5000000\"")
        let edges = [
            lndEdge("1", "A", "B", "100000", max, p),       // fine
            lndEdge("2", "A", "C", "200000", p, "null"),    // one null policy
            lndEdge("3", "B", "C", "300000", off, p),       // one disabled
            lndEdge("4", "C", "D", "0", p, p),              // zero capacity
            lndEdge("5", "D", "D", "100000", p, p),         // self-loop
            lndEdge("1", "A", "B", "100000", p, p),         // duplicate id
            lndEdge("6", "B", "D", "100000", "null", "null"), // no usable direction
        ]
        let nodes = ["A", "B", "C", "D"].map { "{\"pub_key\": \"\($0)\", \"alias\": \"n\\u00e9 \\ud83d\\ude80\"}" }
        return "{\"nodes\": [\(nodes.joined(separator: ", "))],\n \"edges\": [\n\(edges.joined(separator: ",\n"))\n]}"
    }()

    @Test func lndSmallFixture() throws {
        let dir = try S.temporaryFolder()
        try S.write(Self.lndFixture, dir, "graph.json")
        let (g, report) = try S.build("graph: {generator: import, format: lnd, path: graph.json}", base: dir)
        let r = try #require(report)
        #expect(g.nodeCount == 4 && g.channelCount == 3)
        #expect(g.channelIDs == ["1", "2", "3"])
        #expect(r.usableDirections == 4)
        #expect(r.skipped == [.nullPolicy: 3, .disabled: 1, .zeroCapacity: 1, .selfLoop: 1, .duplicate: 1, .noUsableDirection: 1])
        #expect(g.enabled == [true, true, true, false, false, true])
        #expect(g.htlcMaximumMsat[0] == 5_000_000 && g.htlcMaximumMsat[1] == Int64.max)
        #expect(g.feeRatePPM[0] == 5 && g.cltvDelta[0] == 40 && g.htlcMinimumMsat[0] == 1000)
        #expect(g.maxAcceptedHTLCs[0] == 483 && g.reserveMsat[0] == 1_000_000)
        #expect(r.description.contains("4 nodes (1 without a usable channel), 3 channels, 4 usable directions; channels skipped: duplicate 1, no_usable_direction 1, self_loop 1, zero_capacity 1; directions unusable: disabled 1, null_policy 3"))
        let (kept, keptReport) = try S.build("graph: {generator: import, format: lnd, path: graph.json, drop_disabled: false}", base: dir)
        #expect(kept.channelCount == 3 && keptReport?.skipped[.disabled] == nil && keptReport?.usableDirections == 5)
    }

    static func clnEntry(_ scid: String, _ s: String, _ d: String, capacity: String, active: Bool = true, extra: String = "") -> String {
        "{\"source\": \"\(s)\", \"destination\": \"\(d)\", \"short_channel_id\": \"\(scid)\", \"public\": true, \(capacity), "
            + "\"active\": \(active), \"base_fee_millisatoshi\": 1000, \"fee_per_millionth\": 10, \"delay\": 14\(extra)}"
    }

    @Test func clnOldSchema() throws {
        let sat = { (n: Int) in "\"satoshis\": \(n), \"amount_msat\": \"\(n * 1000)msat\"" }
        let entries = [
            Self.clnEntry("1x1x0", "B", "A", capacity: sat(300_000)),
            Self.clnEntry("1x1x0", "A", "B", capacity: sat(300_000)),
            Self.clnEntry("1x2x0", "A", "C", capacity: sat(50_000)),               // one direction only
            Self.clnEntry("1x3x0", "B", "C", capacity: sat(70_000), active: false),
            Self.clnEntry("1x3x0", "C", "B", capacity: sat(70_000)),
            Self.clnEntry("1x4x0", "C", "C", capacity: sat(70_000)),               // self-loop
            Self.clnEntry("1x5x0", "A", "D", capacity: sat(0)),                    // zero capacity
            Self.clnEntry("1x1x0", "A", "B", capacity: sat(300_000)),              // duplicate
        ]
        let dir = try S.temporaryFolder()
        try S.write("{\"channels\": [\(entries.joined(separator: ",\n"))]}", dir, "channels.json")
        let (g, report) = try S.build("graph: {generator: import, format: cln, path: channels.json}", base: dir)
        let r = try #require(report)
        #expect(g.channelCount == 3 && g.nodeCount == 3) // D appears only in a skipped entry
        #expect(g.nodeIDs[Int(g.node1[0])] == "A" && g.capacityMsat[0] == 300_000_000)
        #expect(r.skipped == [.missingDirection: 1, .disabled: 1, .selfLoop: 1, .zeroCapacity: 1, .duplicate: 1])
        #expect(r.usableDirections == 4)
        #expect(g.enabled == [true, true, true, false, false, true])
    }

    @Test func clnNewSchema() throws {
        let entries = [
            Self.clnEntry("9x1x0", "A", "B", capacity: "\"amount_msat\": 9093802000", extra: ", \"direction\": 0, \"htlc_minimum_msat\": 1, \"htlc_maximum_msat\": 4092210000"),
            Self.clnEntry("9x1x0", "B", "A", capacity: "\"amount_msat\": \"9093802000msat\"", extra: ", \"direction\": 1, \"htlc_minimum_msat\": \"0msat\""),
            Self.clnEntry("9x2x0", "B", "C", capacity: "\"amount_msat\": 5000000"),
        ]
        let dir = try S.temporaryFolder()
        try S.write("{\"channels\": [\(entries.joined(separator: ",\n"))]}", dir, "new.json")
        let (g, report) = try S.build("graph: {generator: import, format: cln, path: new.json}", base: dir)
        #expect(g.channelCount == 2)
        #expect(g.capacityMsat == [9_093_802_000, 5_000_000])
        #expect(g.htlcMaximumMsat[0] == 4_092_210_000 && g.htlcMinimumMsat[0] == 1)
        #expect(report?.skipped == [.missingDirection: 1])
        #expect(report?.usableDirections == 3)
    }

    static let clothNodes = "id\n0\n1\n2\n"
    static let clothChannels = "id,edge1_id,edge2_id,node1_id,node2_id,capacity\n0,0,1,0,1,50000000\n1,2,3,2,1,20000000\n"
    static let clothEdges = """
        id,channel_id,counter_edge_id,from_node_id,to_node_id,balance,fee_base,fee_proportional,min_htlc,timelock
        0,0,1,0,1,4300909,1000,1,1000,144
        1,0,0,1,0,45699091,1000,1,1000,144
        2,1,3,2,1,842974,0,1,1000,144
        3,1,2,1,2,19157026,1000,1,1000,40

        """

    static func clothFolder(edges: String = clothEdges, channels: String = clothChannels, nodes: String = clothNodes) throws -> String {
        let dir = try S.temporaryFolder()
        let net = (dir as NSString).appendingPathComponent("net")
        try FileManager.default.createDirectory(atPath: net, withIntermediateDirectories: true)
        try S.write(nodes, net, "nodes.csv")
        try S.write(channels, net, "channels.csv")
        try S.write(edges, net, "edges.csv")
        return dir
    }

    @Test func clothKeepsBalances() throws {
        let dir = try Self.clothFolder()
        let (g, report) = try S.build("graph: {generator: import, format: cloth, path: net}", base: dir)
        #expect(g.nodeCount == 3 && g.channelCount == 2)
        #expect(g.initialBalance1Msat == [4_300_909, 842_974])
        #expect(g.initialBalanceMsat(of: 3) == 19_157_026)
        #expect(g.feeBaseMsat == [1000, 1000, 0, 1000] && g.cltvDelta[3] == 40)
        #expect(report?.skippedTotal == 0 && report?.usableDirections == 4)
    }
}
