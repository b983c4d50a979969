import Foundation
import Testing
@testable import AMPSim

/// What a run refuses before simulating — files, replay rows, explicit endpoints, unusable graphs —
/// with the exact messages `validate`, `run` and `sweep` print.
@Suite struct ScenarioPreflightTests {
    /// A three-node CLoTH folder (0 – 1 – 2, 1,000,000 sat channels) and a scenario replaying `replay`.
    static func clothScenario(replay: String) throws -> (Scenario, folder: String) {
        let folder = TestPaths.scratch()
        try FileManager.default.createDirectory(atPath: folder + "/net", withIntermediateDirectories: true)
        let files = [
            "nodes.csv": "id\n0\n1\n2\n",
            "channels.csv": "id,edge1_id,edge2_id,node1_id,node2_id,capacity\n0,0,1,0,1,1000000000\n1,2,3,1,2,1000000000\n",
            "edges.csv": "id,channel_id,counter_edge_id,from_node_id,to_node_id,balance,fee_base,fee_proportional,min_htlc,timelock\n"
                + "0,0,1,0,1,500000000,1000,1,0,40\n1,0,0,1,0,500000000,1000,1,0,40\n2,1,3,1,2,500000000,1000,1,0,40\n3,1,2,2,1,500000000,1000,1,0,40\n",
        ]
        for (name, text) in files { _ = FileManager.default.createFile(atPath: "\(folder)/net/\(name)", contents: Data(text.utf8)) }
        _ = FileManager.default.createFile(atPath: folder + "/replay.csv", contents: Data(replay.utf8))
        let yaml = "name: rp\ngraph: {generator: import, format: cloth, path: net}\nworkload: {replay: replay.csv}\n"
        _ = FileManager.default.createFile(atPath: folder + "/rp.yaml", contents: Data(yaml.utf8))
        return (try ScenarioLoader.load(path: folder + "/rp.yaml"), folder)
    }

    static func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let e as InputError { return e.description } catch { return "other error \(error)" }
        return ""
    }

    static let header = "id,sender_id,receiver_id,amount,start_time\n"

    @Test func replayRowsAreCountedAndCheckedWithoutTheGraph() throws {
        let (ok, _) = try Self.clothScenario(replay: Self.header + "0,0,2,100000,0\r\n1,2,0,100000,10\r\n")
        try ScenarioPreflight.check(ok, runs: 1)
        let (empty, _) = try Self.clothScenario(replay: Self.header)
        #expect(Self.message { try ScenarioPreflight.check(empty, runs: 1) } ==
                "replay.csv: expected at least one payment row after the header id,sender_id,receiver_id,amount,start_time, found none")
        let (huge, _) = try Self.clothScenario(replay: Self.header + "0,0,2,9223372036854775807,0\n")
        #expect(Self.message { try ScenarioPreflight.check(huge, runs: 1) } ==
                "replay.csv:2: amount: expected an amount in msat from 1 to 2100000000000000000 (21 million BTC), found 9223372036854775807")
        let (late, _) = try Self.clothScenario(replay: Self.header + "0,0,2,1000,3200000000001\n")
        #expect(Self.message { try ScenarioPreflight.check(late, runs: 1) } ==
                "replay.csv:2: start_time: expected a start time in ms from 0 to 3200000000000 (100 years), found 3200000000001")
    }

    @Test func missingGraphFilesAreFoundWithoutReadingThem() throws {
        let (s, folder) = try Self.clothScenario(replay: Self.header + "0,0,2,1000,0\n")
        try FileManager.default.removeItem(atPath: folder + "/net/edges.csv")
        #expect(Self.message { try ScenarioPreflight.check(s, runs: 1) } == "net/edges.csv: expected a CLoTH edges file, found no such file")
        let lnd = try ScenarioLoader.load(text: "name: x\ngraph: {generator: import, format: lnd, path: no-such.json}", label: "x.yaml")
        #expect(Self.message { try ScenarioPreflight.check(lnd, runs: 1) } == "no-such.json: expected an existing file, found no such file")
    }

    @Test func explicitEndpointsMustExistAndAGraphNeedsAChannel() throws {
        let graph = "name: x\ngraph:\n  generator: explicit\n  explicit:\n    nodes: [a, b]\n    channels: [{from: a, to: b, capacity_sat: 1000}]\n"
        let unknown = try ScenarioLoader.load(text: graph + "workload: {sender: aa}", label: "x.yaml")
        #expect(Self.message { try ScenarioPreflight.check(unknown, runs: 1) } ==
                "scenario 'x': workload.sender: expected a node of graph.explicit.nodes (did you mean 'a'?), found 'aa'")
        let none = try ScenarioLoader.load(text: graph.replacingOccurrences(of: "[{from: a, to: b, capacity_sat: 1000}]", with: "[]"), label: "x.yaml")
        #expect(Self.message { try ScenarioPreflight.check(none, runs: 1) } ==
                "scenario 'x': graph.explicit.channels: expected at least one channel (payments need two nodes joined by a usable channel), found none")
    }

    @Test func aGraphWithFewerThanTwoUsableNodesIsRefusedByTheRun() throws {
        let folder = TestPaths.scratch()
        _ = FileManager.default.createFile(atPath: folder + "/one.json", contents: Data(#"{"nodes": [{"pub_key": "a"}], "edges": []}"#.utf8))
        let s = try ScenarioLoader.load(text: "name: x\ngraph: {generator: import, format: lnd, path: \(folder)/one.json}", label: "x.yaml")
        #expect(Self.message { _ = try RunExperiment.replicate(s, replication: 0) } ==
                "\(folder)/one.json: graph: expected a graph with at least two nodes joined by a usable channel (a sender and a receiver), found 1 node, 0 with a usable channel")
    }
}
