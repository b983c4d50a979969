import Foundation
import Testing
@testable import AMPSim

/// Inputs that must give one clear message (naming the file) quickly, never a crash or a hang.
@Suite struct BadFileTests {
    func message(_ path: String) -> String? {
        do { _ = try ScenarioLoader.load(path: path); return nil } catch let e as InputError { return e.description } catch { return "\(error)" }
    }

    @Test func missingFile() {
        #expect(message("/nonexistent/s.yaml") == "/nonexistent/s.yaml: expected a YAML scenario file, found no such file")
    }

    @Test func emptyAndCommentOnlyFiles() {
        let empty = TestPaths.write("")
        #expect(message(empty) == "\(empty): expected a YAML scenario file, found an empty file")
        let comments = TestPaths.write("# nothing here\n")
        #expect(message(comments) == "\(comments): expected a YAML document, found nothing but comments or blank lines")
    }

    @Test func bytesThatAreNotText() {
        let path = TestPaths.scratch() + "/binary.yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data([0xff, 0xfe, 0x00, 0x81, 0x92, 0xc3]))
        #expect(message(path) == "\(path): expected a YAML scenario file in UTF-8 text, found binary data")
        let gzip = TestPaths.scratch() + "/s.yaml.gz"
        _ = FileManager.default.createFile(atPath: gzip, contents: Data([0x1F, 0x8B, 0x08, 0x00, 0x41, 0x42]))
        #expect(message(gzip) == "\(gzip): expected a YAML scenario file in UTF-8 text, found gzip-compressed data: decompress it")
        let latin1 = TestPaths.scratch() + "/latin1.yaml"
        _ = FileManager.default.createFile(atPath: latin1, contents: Data("name: caf".utf8 + [0xE9] + Data("\n".utf8)))
        #expect(message(latin1) == "\(latin1): expected a YAML scenario file in UTF-8 text, found bytes that are not UTF-8 text")
    }

    /// A scenario saved with CRLF (Windows) line endings reads as the same scenario, line numbers included.
    @Test func crlfLineEndingsReadTheSame() throws {
        let text = try String(contentsOfFile: TestPaths.scenario("quickstart.yaml"), encoding: .utf8)
        let crlf = TestPaths.write(text.replacingOccurrences(of: "\n", with: "\r\n"), name: "crlf.yaml")
        let lf = TestPaths.write(text, name: "lf.yaml")
        #expect(try ScenarioLoader.load(path: crlf).yaml == ScenarioLoader.load(path: lf).yaml)
        let bad = TestPaths.write("name: x\r\ngraph: {nodes: 1}\r\n", name: "bad.yaml")
        #expect(message(bad) == "\(bad):2: graph.nodes: expected an integer from 2 to 10000000, found '1'")
    }

    @Test func textThatIsNotYAML() {
        let path = TestPaths.write("name: x\ngraph: [1, 2\n")
        #expect(message(path)?.hasPrefix("\(path):3: expected valid YAML, found") == true)
        let scalar = TestPaths.write("just words\n")
        #expect(message(scalar) == "\(scalar):1: (document): expected a mapping of scenario fields (name, graph, workload, ...), found 'just words'")
    }

    @Test func billionLaughs() {
        var text = "a: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let path = TestPaths.write(text + "name: bomb\n")
        #expect(message(path) == "\(path): expected at most 500000 YAML nodes once aliases are expanded, found more (an alias bomb?)")
    }

    @Test func deepNestingFlowAndBlock() {
        let flow = TestPaths.write("name: deep\nx: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n")
        #expect(message(flow)?.hasPrefix("\(flow):2: expected YAML nested at most 200 levels deep") == true)
        let block = TestPaths.write("name: deep\nx:\n" + String(repeating: "- ", count: 100_000) + "a\n")
        #expect(message(block)?.hasPrefix("\(block):3: expected YAML nested at most 200 levels deep") == true)
    }

    @Test func duplicateKeys() {
        let path = TestPaths.write("name: x\nname: y\n")
        #expect(message(path)?.contains("expected each key once in a mapping") == true)
    }
}
