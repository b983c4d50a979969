import Foundation
import Testing
@testable import AMPSim

/// Runs each fuzz target's steps (Fuzz/Sources/) on two sets of inputs:
/// - the inputs a fuzzer once crashed on, kept in Fixtures/fuzz/<target>/ (so far: CLoTH's two): each
///   must now give a result or an `InputError`, never a trap;
/// - the target's seed corpus, Fuzz/Corpus/<target>/ (shipped scenarios, slices of the 2019 snapshots):
///   valid inputs, each must give a result with no error at all.
/// Every target has inputs (a test over an empty folder would assert nothing); the counts are what the
/// folders hold today.
@Suite struct FuzzRegressionTests {
    static let crashes = TestPaths.packageRoot + "/Tests/AMPSimTests/Fixtures/fuzz"
    static let corpus = TestPaths.packageRoot + "/Fuzz/Corpus"

    static func inputs(_ folder: String, _ target: String) -> [(name: String, bytes: [UInt8])] {
        let dir = "\(folder)/\(target)"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in FileManager.default.contents(atPath: "\(dir)/\(name)").map { (name, [UInt8]($0)) } }
    }

    /// Runs `body`; an `InputError` is a correct answer for a crash input, any other error a failure.
    static func expectResultOrInputError(_ name: String, _ body: () throws -> Void) {
        do { try body() } catch is InputError {} catch { Issue.record("\(name): not an InputError: \(error)") }
    }

    /// Runs `body` on a valid corpus input: any error is a failure.
    static func expectResult(_ name: String, _ body: () throws -> Void) {
        do { try body() } catch { Issue.record("\(name): a valid corpus input failed: \(error)") }
    }

    /// Each target's inputs, crash inputs first, with the check that applies to them.
    static func each(_ target: String, crashes crashCount: Int, corpus corpusCount: Int,
                     _ steps: (String, [UInt8]) throws -> Void) {
        let crashInputs = inputs(Self.crashes, target), corpusInputs = inputs(Self.corpus, target)
        #expect(crashInputs.count == crashCount, "\(target): crash inputs in \(Self.crashes)/\(target)")
        #expect(corpusInputs.count == corpusCount, "\(target): corpus inputs in \(Self.corpus)/\(target)")
        for (name, bytes) in crashInputs { expectResultOrInputError(name) { try steps(name, bytes) } }
        for (name, bytes) in corpusInputs { expectResult(name) { try steps(name, bytes) } }
    }

    @Test func scenarioInputs() {
        Self.each("scenario", crashes: 0, corpus: 5) { name, bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let scenario = try ScenarioLoader.load(text: text, label: name, baseDirectory: "/nonexistent")
            let again = try ScenarioLoader.load(text: scenario.yaml, label: "printed", baseDirectory: "/nonexistent")
            #expect(again == scenario, "\(name): printed scenario reads back different")
            try ResourceLimits.check(scenario: scenario, runs: scenario.replications)
            if scenario.graph.generator != .import && scenario.graph.nodes <= 64 && scenario.graph.channels <= 256 {
                _ = try GraphFactory.build(scenario, replication: 0)
            }
        }
    }

    @Test func lndInputs() {
        Self.each("lnd", crashes: 0, corpus: 5) { name, bytes in
            for drop in [false, true] {
                var (draft, _) = try LndImporter.parse(bytes, label: name, dropDisabled: drop)
                _ = draft.keepLargestComponent()
                _ = draft.build()
            }
        }
    }

    @Test func clnInputs() {
        Self.each("cln", crashes: 0, corpus: 5) { name, bytes in
            for drop in [false, true] {
                var (draft, _) = try ClnImporter.parse(bytes, label: name, dropDisabled: drop)
                _ = draft.keepLargestComponent()
                _ = draft.build()
            }
        }
    }

    /// The two CLoTH crash inputs (a channel referring to edge 0 of an empty edges.csv, an edge of an
    /// empty channels.csv) trapped on an index out of range before ids became half-open ranges.
    @Test func clothInputs() {
        Self.each("cloth", crashes: 2, corpus: 2) { name, bytes in
            let parts = ClothBundle.split(bytes, parts: 3)
            var (draft, _) = try ClothImporter.parse(nodes: parts[0], channels: parts[1], edges: parts[2], label: name)
            _ = draft.keepLargestComponent()
            _ = draft.build()
        }
    }

    @Test func replayInputs() {
        var b = ChannelGraphBuilder()
        let nodes = (0..<4).map { b.addNode(id: String($0)) }
        for i in 0..<4 {
            b.addChannel(nodes[i], nodes[(i + 1) % 4], capacityMsat: 1_000_000, balance1Msat: 500_000, id: "c\(i)",
                         policy1: DirectionPolicy(), policy2: DirectionPolicy())
        }
        let graph = b.build()
        // The two newest targets: their crashing inputs, and their seed corpus as a check of the target's steps.
        for (name, bytes) in Self.inputs(Self.crashes, "replay") + Self.inputs(Self.corpus, "replay") {
            Self.expectResultOrInputError(name) {
                for p in try PaymentReplay.read(bytes: bytes, label: name, graph: graph) {
                    #expect(p.sender != p.receiver && (1...Bounds.maxMsat).contains(p.amountMsat), "\(name)")
                }
            }
        }
    }

    @Test func optionInputs() {
        for (name, bytes) in Self.inputs(Self.crashes, "options") + Self.inputs(Self.corpus, "options") {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n").prefix(8).map(String.init) {
                let base = "name: fuzz\ngraph: {generator: ln-like, nodes: 20}\nworkload: {payments: 10}\n"
                Self.expectResultOrInputError(name) {
                    _ = try ScenarioLoader.load(text: base, label: "base.yaml", overrides: [try Override.parse(line)], baseDirectory: "/nonexistent")
                }
                Self.expectResultOrInputError(name) {
                    let axis = try VaryOption.parse(line)
                    for i in axis.values.indices.prefix(16) {
                        _ = try ScenarioLoader.load(text: base, label: "base.yaml", overrides: try axis.overrides(i, origin: "--vary"),
                                                    baseDirectory: "/nonexistent")
                    }
                }
                Self.expectResultOrInputError(name) { _ = try SweepShard.parse(line) }
            }
        }
    }
}
