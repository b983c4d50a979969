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

    /// The message for a graph file holding `bytes`.
    func message(bytes: [UInt8], format: String = "lnd", name: String = "graph.json") throws -> String {
        let dir = try S.temporaryFolder()
        _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes))
        do {
            _ = try S.build("graph: {generator: import, format: \(format), path: \(name)}", base: dir)
        } catch let error as InputError {
            return error.description
        }
        return "accepted"
    }

    @Test func compressedOrBinaryFilesAreNamedNotEchoed() throws {
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xAB, 0xE6, 0x02, 0x00]
        #expect(try message(bytes: gzip, name: "graph.json.gz") ==
                "graph.json.gz: expected a text file (JSON or CSV, plain or .xz), found gzip-compressed data: decompress it, or recompress it with xz (ampsim reads .xz directly)")
        #expect(try message(bytes: [0x7B, 0x00, 0xFF, 0x13, 0x37], format: "cln") ==
                "graph.json: expected a text file (JSON or CSV, plain or .xz), found binary data")
    }

    @Test func errorsQuoteAShortEscapedExcerpt() throws {
        let long = "{\"nodes\": [\n\u{01}\t" + String(repeating: "x", count: 35_000) + "]}"
        #expect(try message(long) == "graph.json:2: expected a JSON value, found '\\x01\\txxxxxxxxxx...'")
        let header = "id," + String(repeating: "a", count: 35_000) + "\n0\n"
        let dir = try ImporterTests.clothFolder(nodes: header)
        do {
            _ = try S.build("graph: {generator: import, format: cloth, path: net}", base: dir)
            Issue.record("accepted")
        } catch let error as InputError {
            #expect(error.description == "net/nodes.csv:1: header: expected id, found 'id,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'")
        }
        let weird = "{\"nodes\": [{\"pub_key\": 7}], \"edges\": []}"
        #expect(try message(weird) == "graph.json: nodes[0].pub_key: expected a string, found the number 7")
        let control = "{\"nodes\": [], \"edges\": [{\"channel_id\": \"1\", \"node1_pub\": \"A\", \"node2_pub\": \"B\", \"capacity\": \"1\\u0000\\n2\"}]}"
        #expect(try message(control) == "graph.json: edges[0].capacity: expected a number as a string, found the string '1\\x00\\n2'")
    }

    @Test func capacitiesPastTwentyOneMillionBitcoinSaySo() throws {
        for (capacity, found) in [("\"100000000000000000000\"", "the string '100000000000000000000'"), ("1e20", "the number 1e+20"),
                                  ("\"3000000000000000\"", "the string '3000000000000000'")] {
            let text = ImporterTests.lndFixture.replacingOccurrences(of: "\"capacity\": \"300000\"", with: "\"capacity\": \(capacity)")
            #expect(try message(text) == "graph.json: edges[2].capacity: expected a capacity of at most 21 million BTC (2100000000000000 sat), found \(found)")
        }
        let cln = "{\"channels\": [" + ImporterTests.clnEntry("1x1x0", "A", "B", capacity: "\"amount_msat\": \"99999999999999999999msat\"") + "]}"
        #expect(try message(cln, format: "cln") ==
                "graph.json: channels[0].amount_msat: expected an integer of at most 9223372036854775807 msat, found the string '99999999999999999999msat'")
    }

    @Test func cltvDeltasBeyondSixteenBitsAreRefused() throws {
        let text = ImporterTests.lndFixture.replacingOccurrences(of: "\"time_lock_delta\": 40", with: "\"time_lock_delta\": 70000")
        #expect(try message(text).hasSuffix("time_lock_delta: expected an integer in 0 ... 65535, found 70000"))
        let edges = ImporterTests.clothEdges.replacingOccurrences(of: "1000,144\n1,", with: "1000,70000\n1,")
        let dir = try ImporterTests.clothFolder(edges: edges)
        do {
            _ = try S.build("graph: {generator: import, format: cloth, path: net}", base: dir)
            Issue.record("accepted")
        } catch let error as InputError {
            #expect(error.description == "net/edges.csv:2: timelock: expected a timelock in 0 ... 65535 (BOLT 7: 16 bits), found 70000")
        }
    }
}
