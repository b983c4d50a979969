import Foundation
import Yams

/// Turns a scenario file plus `--set` overrides into a validated `Scenario`.
///
/// Guarantees: either a fully valid scenario, or an `InputError` listing every problem found, each as
/// `FILE:LINE: path: expected ..., found ...` (or located at the override that caused it). Sweep axes
/// are checked by applying each of their values and validating the result.
public enum ScenarioLoader {
    /// Loads and validates the scenario file at `path` with `overrides` applied in order.
    public static func load(path: String, overrides: [Override] = []) throws -> Scenario {
        let root = try YAMLSource.load(path: path)
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try decode(root, file: path, overrides: overrides, baseDirectory: base)
    }

    /// Loads a scenario from YAML text (`label` names it in errors).
    public static func load(text: String, label: String = "<scenario>", overrides: [Override] = [],
                            baseDirectory: String = FileManager.default.currentDirectoryPath) throws -> Scenario {
        let root = try YAMLSource.parse(text, location: label)
        return try decode(root, file: label, overrides: overrides, baseDirectory: baseDirectory)
    }

    /// Validates a parsed tree.
    public static func decode(_ root: Node, file: String, overrides: [Override], baseDirectory: String) throws -> Scenario {
        guard case .mapping = root else {
            throw InputError([Diagnostic(location: root.mark.map { "\(file):\($0.line)" } ?? file, path: "(document)",
                                         expected: "a mapping of scenario fields (name, graph, workload, ...)", found: DecodeContext.describe(root))])
        }
        let tree = try Override.apply(overrides, to: root)
        let context = DecodeContext(file: file, overrides: overrides.map { ($0.dottedPath, $0.origin) })
        let scenario = Scenario.decode(tree, context: context, baseDirectory: baseDirectory)
        try context.throwIfFailed()
        if let sweep = scenario.sweep {
            try checkSweep(sweep, tree: tree, file: file, overrides: overrides, baseDirectory: baseDirectory)
        }
        return scenario
    }

    /// Every sweep value must validate at its path: apply it to the scenario (without its sweep) and decode.
    static func checkSweep(_ sweep: SweepSpec, tree: Node, file: String, overrides: [Override], baseDirectory: String) throws {
        guard case .mapping(var mapping) = tree else { return }
        let sweepNode = mapping["sweep"]
        mapping["sweep"] = nil
        let base = Node.mapping(mapping)
        var problems: [Diagnostic] = []
        for axis in sweep.axes {
            let line = sweepNode?["vary"]?[axis.path]?.mark?.line
            let origin = line.map { "\(file):\($0)" } ?? file
            for (i, value) in axis.values.enumerated() {
                do {
                    let labelled = try axis.overrides(i, origin: origin)
                    _ = try decode(base, file: file, overrides: overrides + labelled, baseDirectory: baseDirectory)
                } catch let error as InputError {
                    problems += error.diagnostics.map { d in
                        Diagnostic(location: origin, path: "sweep.vary.\(axis.path)=\(value): \(d.path)", expected: d.expected, found: d.found)
                    }
                }
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
    }
}
