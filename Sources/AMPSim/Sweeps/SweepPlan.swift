import Foundation
import Yams

/// Everything a sweep will run, decided before any run starts: the base scenario, the grid, one
/// validated scenario per grid point, and this shard's runs.
///
/// Guarantees: every grid point is a scenario this version can run, or `make` throws one
/// `InputError` listing each distinct problem once (with how many points have it and the first one);
/// `runs` is this shard's slice in (point, replication) order; `scenarioYAML` and `runsCSV` depend
/// only on the scenario file, the overrides, the grid, the replications and the shard — never on the
/// output folder, `--jobs` or the machine.
public struct SweepPlan: Sendable {
    /// The resolved base scenario, its `sweep:` section holding the whole grid.
    public let base: Scenario
    public let grid: SweepGrid
    /// One scenario per grid point (without a `sweep:` section).
    public let points: [Scenario]
    public let shard: SweepShard
    /// This shard's runs, in (point, replication) order.
    public let runs: [SweepRunID]

    public static let maxRuns = 1_000_000

    /// Plans a sweep of the scenario file at `path`: `overrides` (`--set`) apply to every point; the
    /// grid is the file's `sweep:` axes with `varies` (`--vary`) appended, a `--vary` of the same key
    /// replacing the file's axis.
    /// `fileSweep: false` leaves the file's `sweep:` axes out (`ampsim compare`).
    public static func make(path: String, overrides: [Override] = [], varies: [String] = [], replications: Int? = nil,
                            shard: SweepShard = .whole, fileSweep: Bool = true) throws -> SweepPlan {
        let loaded = try YAMLSource.load(path: path)
        // A file axis that a --vary replaces is not validated (its values may not suit the --set given
        // with that --vary, e.g. a strategy the overriding protocol refuses).
        let replaced = Set(try varies.map { try VaryOption.parse($0).path })
        let root = fileSweep ? withoutFileAxes(replaced, loaded) : loaded
        let baseDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var sets = overrides
        if let replications {
            sets.append(Override(path: ["replications"], value: Node(String(replications)), origin: "--replications \(replications)"))
        }
        var scenario = try ScenarioLoader.decode(root, file: path, overrides: sets, baseDirectory: baseDirectory)
        var pointRoot = root
        if case .mapping(var mapping) = root {
            mapping["sweep"] = nil
            pointRoot = .mapping(mapping)
        }
        func decodePoint(_ extra: [Override]) throws -> Scenario {
            try ScenarioLoader.decode(pointRoot, file: path, overrides: sets + extra, baseDirectory: baseDirectory)
        }
        var axes = fileSweep ? scenario.sweep?.axes ?? [] : []
        var origins = axes.map { axis in root["sweep"]?["vary"]?[axis.path]?.mark.map { "\(path):\($0.line)" } ?? path }
        var problems: [Diagnostic] = []
        for text in varies {
            let axis = try VaryOption.parse(text)
            let origin = "--vary \(text)"
            for i in axis.values.indices {
                do { _ = try decodePoint(try axis.overrides(i, origin: origin)) } catch let error as InputError {
                    // A problem located elsewhere (a file line) is shown as caused by this value.
                    let located = error.diagnostics.map { d in
                        d.location == origin ? d : Diagnostic(location: origin, path: "\(axis.path)=\(axis.values[i]): \(d.path)",
                                                              expected: d.expected, found: d.found)
                    }
                    problems += located.filter { !problems.contains($0) }
                }
            }
            if let same = axes.firstIndex(where: { $0.path == axis.path }) {
                axes[same] = axis
                origins[same] = origin
            } else {
                axes.append(axis)
                origins.append(origin)
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        let grid = try SweepGrid(axes: axes, origins: origins)
        let total = axes.reduce(scenario.replications) { $0.multipliedReportingOverflow(by: $1.values.count).overflow ? Int.max : $0 * $1.values.count }
        guard total <= maxRuns else {
            throw InputError(location: origins.last ?? path, expected: "at most \(maxRuns) runs (grid points x replications)", found: "\(total)")
        }
        let points = try validatePoints(grid, origins: origins, decode: decodePoint)
        scenario.sweep = axes.isEmpty ? nil : SweepSpec(axes: axes)
        var runs: [SweepRunID] = []
        for p in 0..<grid.pointCount {
            for r in 0..<scenario.replications where shard.contains(ordinal: p * scenario.replications + r) {
                runs.append(SweepRunID(point: p, replication: r))
            }
        }
        return SweepPlan(base: scenario, grid: grid, points: points, shard: shard, runs: runs)
    }

    /// `root` without the file's `sweep.vary` axes named in `paths`; without its `sweep:` section when
    /// that leaves no axis.
    static func withoutFileAxes(_ paths: Set<String>, _ root: Node) -> Node {
        guard !paths.isEmpty, case .mapping(var mapping) = root, case .mapping(var sweep)? = mapping["sweep"],
              case .mapping(var vary)? = sweep["vary"] else { return root }
        var removed = false
        for path in paths where vary[path] != nil {
            vary[path] = nil
            removed = true
        }
        guard removed else { return root }
        if vary.isEmpty {
            mapping["sweep"] = nil
        } else {
            sweep["vary"] = .mapping(vary)
            mapping["sweep"] = .mapping(sweep)
        }
        return .mapping(mapping)
    }

    /// Decodes every point; a problem shared by several points is reported once.
    static func validatePoints(_ grid: SweepGrid, origins: [String], decode: ([Override]) throws -> Scenario) throws -> [Scenario] {
        var points: [Scenario] = []
        var problems: [(diagnostic: Diagnostic, count: Int, first: Int)] = []
        for p in 0..<grid.pointCount {
            do {
                let scenario = try decode(try grid.overrides(of: p, origins: origins))
                try Simulation.checkSupported(scenario)
                points.append(scenario)
            } catch let error as InputError {
                for d in error.diagnostics {
                    if let i = problems.firstIndex(where: { $0.diagnostic == d }) { problems[i].count += 1 } else { problems.append((d, 1, p)) }
                }
            }
        }
        guard problems.isEmpty else {
            throw InputError(problems.map { problem in
                var d = problem.diagnostic
                d.found += " at \(problem.count) of \(grid.pointCount) grid points, first point \(problem.first) (\(grid.label(of: problem.first)))"
                return d
            })
        }
        return points
    }

    /// The sweep folder's scenario.yaml: the version that planned it, then the resolved scenario with its grid.
    public var scenarioYAML: String { "# ampsim \(AMPSimVersion.string) sweep\n" + base.yaml }

    /// runs.csv: `run_id,point,replication` then one column per varied path, one row per run of this shard.
    public var runsCSV: String { SweepTables.runsCSV(runs, grid: grid) }
}
