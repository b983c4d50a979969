import Yams

/// The `output:` section: where results go and which optional files are written.
///
/// Guarantees: `dir` is never empty (default `Results/<name>`, relative to the working directory).
public struct OutputSpec: Sendable, Equatable {
    public var dir: String
    /// Write parts.csv (one row per part attempt).
    public var parts: Bool
    /// Write channels.csv (one row per channel direction).
    public var channels: Bool

    static func read(_ r: MapReader, name: String) -> OutputSpec {
        let dir = r.string("dir", default: "Results/\(name)")
        if dir.isEmpty { r.report("dir", expected: "a folder path") }
        let spec = OutputSpec(dir: dir, parts: r.bool("parts", default: false), channels: r.bool("channels", default: false))
        r.finish(known: ["dir", "parts", "channels"])
        return spec
    }

    var node: Node {
        YAMLBuild.map([("dir", YAMLBuild.string(dir)), ("parts", YAMLBuild.bool(parts)), ("channels", YAMLBuild.bool(channels))])
    }
}
