import Foundation
import Testing
@testable import AMPSim

/// Snapshots are streamed element by element: the same graphs and messages as a whole-tree parse,
/// a wrong root or a wrong first element refused at once, values the importer does not read checked
/// but not kept.
@Suite struct JSONStreamTests {
    func lnd(_ text: String) throws -> (GraphDraft, ImportReport) {
        try LndImporter.parse(Array(text.utf8), label: "g.json", dropDisabled: true)
    }

    func message(_ text: String, cln: Bool = false) -> String {
        do {
            if cln { _ = try ClnImporter.parse(Array(text.utf8), label: "g.json", dropDisabled: true) } else { _ = try lnd(text) }
            return "accepted"
        } catch let e as InputError { return e.description } catch { return "\(error)" }
    }

    @Test func wrongShapesAreRefusedAtTheirFirstByte() {
        let zeros = "[" + String(repeating: "0,", count: 100_000) + "0]"
        #expect(message(zeros) == "g.json:1: expected a JSON object ({ ... }) at the top of the file, found '[0,0,0,0,0,0,0,0...'")
        let edges = "{\"nodes\": [], \"edges\": [0, " + String(repeating: "{}, ", count: 100_000) + "{}]}"
        #expect(message(edges) == "g.json: edges[0]: expected an object, found the number 0")
        #expect(message("{\"nodes\": [], \"edges\": 5}") == "g.json: edges: expected an array, found the number 5")
        #expect(message("{\"edges\": []}") == "g.json: nodes: expected a field 'nodes', found none")
        #expect(message("{\"channels\": {}}", cln: true) == "g.json: channels: expected an array, found an object")
        #expect(message("{\"nodes\": [], \"edges\": []} x") == "g.json:1: expected the end of the document, found 'x'")
    }

    @Test func valuesNotReadAreCheckedNotKept() {
        // An alias object with a repeated key, and a truncated value the importer never reads.
        #expect(message("{\"nodes\": [{\"pub_key\": \"A\", \"x\": {\"a\": 1, \"a\": 2}}], \"edges\": []}") ==
                "g.json:1: expected each key at most once in an object, found 'a' a second time")
        #expect(message("{\"version\": {\"a\": [1, 2,], \"b\": 1}, \"nodes\": [], \"edges\": []}") == "g.json:1: expected a JSON value, found '], \"b\": 1}, \"nod...'")
        #expect(message("{\"comment\": [[[[\"deep\", true, false, null, -1.5e3]]]], \"nodes\": [], \"edges\": []}") == "accepted")
    }

    @Test func edgesBeforeNodesGiveTheSameGraph() throws {
        let policy = ImporterTests.lndPolicy()
        let edges = [ImporterTests.lndEdge("1", "A", "B", "100000", policy, policy), ImporterTests.lndEdge("2", "B", "Z", "100000", policy, policy)]
        let nodes = "\"nodes\": [{\"pub_key\": \"B\"}, {\"pub_key\": \"A\"}, {\"pub_key\": \"C\"}]"
        let edgeList = "\"edges\": [\(edges.joined(separator: ", "))]"
        let (first, firstReport) = try lnd("{\(nodes), \(edgeList)}")
        let (second, secondReport) = try lnd("{\(edgeList), \(nodes)}")
        #expect(first.nodeIDs == ["B", "A", "C", "Z"] && second.nodeIDs == first.nodeIDs)
        #expect(first.node1 == second.node1 && first.node2 == second.node2 && first.channelIDs == second.channelIDs)
        #expect(firstReport == secondReport && firstReport.unlistedNodes == 1)
    }
}
