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
    /// Compute, at each payment's arrival, what could have succeeded (the oracle columns of
    /// payments.csv and the `*_feasible` summary metrics). On by default.
    public var oracle: Bool

    static func read(_ r: MapReader, name: String) -> OutputSpec {
        let dir = r.string("dir", default: "Results/\(name)")
        if dir.isEmpty { r.report("dir", expected: "a folder path") }
        let spec = OutputSpec(dir: dir, parts: r.bool("parts", default: false), channels: r.bool("channels", default: false),
                              oracle: r.bool("oracle", default: true))
        r.finish(known: ["dir", "parts", "channels", "oracle"])
        return spec
    }

    var node: Node {
        YAMLBuild.map([("dir", YAMLBuild.string(dir)), ("parts", YAMLBuild.bool(parts)), ("channels", YAMLBuild.bool(channels)),
                      ("oracle", YAMLBuild.bool(oracle))])
    }
}
