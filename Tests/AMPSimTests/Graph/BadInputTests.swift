import Foundation
import Testing
@testable import AMPSim

@Suite struct BadInputTests {
    typealias S = GraphTestSupport

    func message(_ text: String, format: String = "lnd", name: String = "graph.json") throws -> String {
        let dir = try S.temporaryFolder()
        try S.write(text, dir, name)
        do {
            _ = try S.build("graph: {generator: import, format: \(format), path: \(name)}", base: dir)
        } catch let error as InputError {
            return error.description
        }
        Issue.record("no InputError for \(name)")
        return ""
    }

    @Test func truncatedJSON() throws {
        let text = String(ImporterTests.lndFixture.prefix(300))
        let m = try message(text)
        #expect(m.hasPrefix("graph.json:"))
        #expect(m.contains("end of the file"))
    }

    @Test func wrongType() throws {
        let text = ImporterTests.lndFixture.replacingOccurrences(of: "\"capacity\": \"300000\"", with: "\"capacity\": true")
        #expect(try message(text) == "graph.json: edges[2].capacity: expected a number as a string, found true")
    }

    @Test func missingField() throws {
        let text = "{\"nodes\": [], \"edges\": [{\"channel_id\": \"1\", \"node2_pub\": \"B\", \"capacity\": \"5\"}]}"
        #expect(try message(text) == "graph.json: edges[0].node1_pub: expected a field 'node1_pub', found none")
    }

    @Test func clnWrongAmount() throws {
        let text = "{\"channels\": [" + ImporterTests.clnEntry("1x1x0", "A", "B", capacity: "\"amount_msat\": \"lots\"") + "]}"
        let m = try message(text, format: "cln")
        #expect(m.hasPrefix("graph.json: channels[0].amount_msat: expected"))
    }

    @Test func missingPath() throws {
        let dir = try S.temporaryFolder()
        #expect(throws: InputError.self) {
            _ = try S.build("graph: {generator: import, format: lnd, path: nowhere.json}", base: dir)
        }
    }

    @Test func clothBadHeaderAndRange() throws {
        let badHeader = try ImporterTests.clothFolder(edges: ImporterTests.clothEdges.replacingOccurrences(of: "timelock", with: "cltv"))
        let range = try ImporterTests.clothFolder(channels: ImporterTests.clothChannels.replacingOccurrences(of: "1,2,3,2,1,", with: "1,2,3,2,7,"))
        for (dir, expected) in [(badHeader, "net/edges.csv:1: header: expected"), (range, "net/channels.csv:3: node2_id: expected a node id in 0 ..< 3, found 7")] {
            do {
                _ = try S.build("graph: {generator: import, format: cloth, path: net}", base: dir)
                Issue.record("no error")
            } catch let error as InputError {
                #expect(error.description.hasPrefix(expected))
            }
        }
    }
}
