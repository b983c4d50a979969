import Foundation
import Testing
@testable import AMPSim

/// Replays every input the fuzzers (Fuzz/) once crashed on, kept in Fixtures/fuzz/<target>/, through
/// the same steps as the fuzz target: each must now give a result or an `InputError`, never a trap.
@Suite struct FuzzRegressionTests {
    static let folder = TestPaths.packageRoot + "/Tests/AMPSimTests/Fixtures/fuzz"

    static func inputs(_ target: String, in folder: String = folder) -> [(name: String, bytes: [UInt8])] {
        let dir = "\(folder)/\(target)"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in FileManager.default.contents(atPath: "\(dir)/\(name)").map { (name, [UInt8]($0)) } }
    }

    /// Runs `body`; an `InputError` is a correct answer, any other error a failure.
    static func expectResultOrInputError(_ name: String, _ body: () throws -> Void) {
        do { try body() } catch is InputError {} catch { Issue.record("\(name): not an InputError: \(error)") }
    }

    @Test func scenarioInputs() {
        for (name, bytes) in Self.inputs("scenario") {
            Self.expectResultOrInputError(name) {
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
    }

    @Test func lndInputs() {
        for (name, bytes) in Self.inputs("lnd") {
            Self.expectResultOrInputError(name) {
                var (draft, _) = try LndImporter.parse(bytes, label: name, dropDisabled: false)
                _ = draft.keepLargestComponent()
                _ = draft.build()
            }
        }
    }

    @Test func clnInputs() {
        for (name, bytes) in Self.inputs("cln") {
            Self.expectResultOrInputError(name) {
                var (draft, _) = try ClnImporter.parse(bytes, label: name, dropDisabled: false)
                _ = draft.keepLargestComponent()
                _ = draft.build()
            }
        }
    }

    @Test func clothInputs() {
        for (name, bytes) in Self.inputs("cloth") {
            let parts = ClothBundle.split(bytes, parts: 3)
            Self.expectResultOrInputError(name) {
                var (draft, _) = try ClothImporter.parse(nodes: parts[0], channels: parts[1], edges: parts[2], label: name)
                _ = draft.keepLargestComponent()
                _ = draft.build()
            }
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
        for (name, bytes) in Self.inputs("replay") + Self.inputs("replay", in: TestPaths.packageRoot + "/Fuzz/Corpus") {
            Self.expectResultOrInputError(name) {
                for p in try PaymentReplay.read(bytes: bytes, label: name, graph: graph) {
                    #expect(p.sender != p.receiver && (1...Bounds.maxMsat).contains(p.amountMsat), "\(name)")
                }
            }
        }
    }

    @Test func optionInputs() {
        for (name, bytes) in Self.inputs("options") + Self.inputs("options", in: TestPaths.packageRoot + "/Fuzz/Corpus") {
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
