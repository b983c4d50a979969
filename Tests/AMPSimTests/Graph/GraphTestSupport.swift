import Foundation
@testable import AMPSim

/// Helpers shared by the graph tests: scenarios from YAML text, temporary folders, structural checks.
enum GraphTestSupport {
    static func scenario(_ yaml: String, base: String = FileManager.default.currentDirectoryPath) throws -> Scenario {
        try ScenarioLoader.load(text: "name: t\nseed: 7\n" + yaml, label: "test.yaml", baseDirectory: base)
    }

    static func build(_ yaml: String, base: String = FileManager.default.currentDirectoryPath, replication: Int = 0) throws
        -> (ChannelGraph, ImportReport?) {
        try GraphFactory.build(scenario(yaml, base: base), replication: replication)
    }

    /// A fresh empty folder under the system temporary folder.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "ampsim-graph-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, _ folder: String, _ name: String) throws {
        try text.write(toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static func selfLoops(_ g: ChannelGraph) -> Int { (0..<g.channelCount).filter { g.node1[$0] == g.node2[$0] }.count }

    static func duplicatePairs(_ g: ChannelGraph) -> Int {
        var seen = Set<[Int32]>()
        return (0..<g.channelCount).filter { !seen.insert([min(g.node1[$0], g.node2[$0]), max(g.node1[$0], g.node2[$0])]).inserted }.count
    }

    static func degreeSum(_ g: ChannelGraph) -> Int { (0..<g.nodeCount).reduce(0) { $0 + g.degree($1) } }

    static func componentCount(_ g: ChannelGraph) -> Int { Components(nodeCount: g.nodeCount, node1: g.node1, node2: g.node2).count }

    static func analysis(_ g: ChannelGraph) -> GraphAnalysis { GraphAnalysis(g, stream: RandomStream(seed: 1)) }
}
