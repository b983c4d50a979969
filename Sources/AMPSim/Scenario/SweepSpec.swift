import Foundation
import Yams

/// One swept parameter: a field path (or several paths that take their values together) and the
/// values it takes.
///
/// Guarantees: `settings` has one entry per value, each with one YAML text per path of `paths`;
/// `values[i]` is the value as YAML text (a flow list `[a, b]` for a grouped axis).
public struct SweepAxis: Sendable, Equatable {
    /// The key as written: `payment.protocol`, or `payment.protocol,payment.strategy` for a grouped axis.
    public var path: String
    /// Each value as YAML text, ready to be applied as an override.
    public var values: [String]
    /// For each value, the YAML text set at each path of `paths`.
    public var settings: [[String]]
    /// How the values were written (a list, or a range such as `1000..10000000:log:7`), as YAML text.
    public var written: String

    /// An axis from its per-value settings (one text per path).
    public init(path: String, settings: [[String]], written: String) {
        self.path = path
        self.settings = settings
        self.written = written
        values = settings.map { $0.count == 1 ? $0[0] : "[" + $0.joined(separator: ", ") + "]" }
    }

    /// A node as one line of YAML (flow style), e.g. `{uniform: {min: 10, max: 20}}` or `[keysend, single]`.
    public static func flowText(_ node: Node) -> String {
        switch node {
        case .mapping(let mapping): return "{" + mapping.map { flowText($0.key) + ": " + flowText($0.value) }.joined(separator: ", ") + "}"
        case .sequence(let sequence): return "[" + sequence.map(flowText).joined(separator: ", ") + "]"
        default: return YAMLBuild.text(node)
        }
    }

    /// The field paths this axis sets.
    public var paths: [String] { path.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }

    /// What to use instead when `path` cannot be an axis (varying it would be accepted and have no
    /// effect: every point of a sweep shares its replications, its name and its folder); nil when it can.
    public static func notSweepable(_ path: String) -> String? {
        let head = path.split(separator: ".").first.map(String.init) ?? path
        switch head {
        case "replications": return "every grid point runs the same replications: use --replications N"
        case "name": return "a sweep has one name; its run folders are named by run id"
        case "sweep": return "the sweep: section itself cannot be varied"
        case "output" where path == "output" || path.hasPrefix("output.dir"): return "a sweep writes every run under --out DIR"
        default: return nil
        }
    }

    /// The problem, at `origin`, with varying `path`; nil when it can be varied.
    static func notSweepableDiagnostic(_ path: String, origin: String) -> Diagnostic? {
        notSweepable(path).map {
            Diagnostic(location: origin, path: path, expected: "a field that can differ between grid points (\($0))", found: "'\(path)'")
        }
    }

    /// The overrides that value `index` stands for, labelled `origin` in error messages.
    public func overrides(_ index: Int, origin: String) throws -> [Override] {
        try zip(paths, settings[index]).map { path, value in
            let o = try Override.parse("\(path)=\(value)", flag: "sweep")
            return Override(path: o.path, value: o.value, origin: origin)
        }
    }
}

/// The `sweep:` section: the grid a sweep runs over, each axis a field path with a list of values or
/// a range `START..END:lin:N` / `START..END:log:N`; a key of several paths joined by ',' takes a list of
/// lists, one value per path (`payment.protocol,payment.strategy: [[keysend, single], [amp, halving]]`).
///
/// Guarantees: every axis path names a real field and every value validates when set there (checked
/// by the scenario loader); ranges have N >= 1 points, log ranges positive ends; integer ends give
/// integer points where the grid allows (whole-number lin steps, log ends >= 100).
public struct SweepSpec: Sendable, Equatable {
    public var axes: [SweepAxis]

    /// Expands a range text; nil when `text` is not a range.
    public static func expandRange(_ text: String) -> Result<[Node], RangeProblem>? {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3, parts[0].contains("..") else { return nil }
        let ends = parts[0].components(separatedBy: "..")
        guard ends.count == 2, let a = Double(ends[0]), let b = Double(ends[1]), a.isFinite, b.isFinite else {
            return .failure(.init(text: "ends START..END that are numbers"))
        }
        guard let n = Int(parts[2]), n >= 1, n <= 10_000 else { return .failure(.init(text: "a point count from 1 to 10000 after the second ':'")) }
        // Integer ends give integer points when the grid allows it: a whole-number step (lin), or
        // both ends at least 100 (log), e.g. amounts in sat.
        let integerEnds = Int(ends[0]) != nil && Int(ends[1]) != nil
        let step = n > 1 ? (b - a) / Double(n - 1) : 0
        let integral = integerEnds && (parts[1] == "lin" ? step == step.rounded() : min(abs(a), abs(b)) >= 100)
        var values: [Double]
        switch parts[1] {
        case "lin":
            values = (0..<n).map { i in n == 1 ? a : a + (b - a) * Double(i) / Double(n - 1) }
        case "log":
            guard a > 0, b > 0 else { return .failure(.init(text: "positive ends for a log range")) }
            values = (0..<n).map { i in n == 1 ? a : exp(log(a) + (log(b) - log(a)) * Double(i) / Double(n - 1)) }
        default:
            return .failure(.init(text: "'lin' or 'log' between the range and the point count"))
        }
        if n > 1 && a == b { return .failure(.init(text: "a range whose ends differ (or a point count of 1)")) }
        if integral { values = values.map { $0.rounded() } }
        var nodes: [Node] = []
        for v in values {
            let text = integral ? String(Int64(v)) : YAMLBuild.numberText((v * 1e12).rounded() / 1e12)
            if nodes.last?.string != text { nodes.append(Node(text)) }
        }
        return .success(nodes)
    }

    /// Why a range text cannot be expanded.
    public struct RangeProblem: Error, Sendable { public var text: String }

    /// Reads the values of one axis: a YAML list, a range text, or a single value.
    public static func values(of node: Node, path: String, context: DecodeContext) -> [Node] {
        switch node {
        case .sequence(let seq):
            if seq.isEmpty { context.report(node, path, expected: "at least one value", found: "an empty list") }
            return Array(seq)
        case .scalar(let s):
            if let result = expandRange(s.string) {
                switch result {
                case .success(let nodes): return nodes
                case .failure(let problem):
                    context.report(node, path, expected: "a range START..END:lin|log:N with \(problem.text)", found: "'\(s.string)'")
                    return []
                }
            }
            return [node]
        default:
            return [node]
        }
    }

    /// Reads the values of a grouped axis: a list of lists of `count` values each.
    static func groupedValues(of node: Node, count: Int, path: String, context: DecodeContext) -> [[String]] {
        let expected = "a list of lists of \(count) values, one per path, e.g. [[keysend, single], [amp, halving]]"
        guard case .sequence(let seq) = node, !seq.isEmpty else {
            context.report(node, path, expected: expected, found: DecodeContext.describe(node))
            return []
        }
        var out: [[String]] = []
        for item in seq {
            guard case .sequence(let inner) = item, inner.count == count else {
                context.report(item, path, expected: expected, found: DecodeContext.describe(item))
                continue
            }
            out.append(inner.map(SweepAxis.flowText))
        }
        return out
    }

    static func read(_ r: MapReader) -> SweepSpec {
        var axes: [SweepAxis] = []
        let vary = r.section("vary")
        for entry in vary.allEntries() {
            let path = vary.child(entry.key)
            let paths = entry.key.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if paths.contains(where: { (try? Override.parsePath($0, origin: "")) == nil }) || Set(paths).count != paths.count {
                r.context.report(entry.keyNode, path, expected: "a dotted field path such as payment.protocol (or distinct paths joined by ',')",
                                 found: "'\(entry.key)'")
                continue
            }
            if let bad = paths.first(where: { SweepAxis.notSweepable($0) != nil }) {
                r.context.report(entry.keyNode, path, expected: "a field that can differ between grid points (\(SweepAxis.notSweepable(bad)!))",
                                 found: "'\(bad)'")
                continue
            }
            if paths.count == 1 {
                let nodes = values(of: entry.value, path: path, context: r.context)
                let written = entry.value.scalar != nil ? YAMLBuild.text(entry.value) : SweepAxis.flowText(entry.value)
                axes.append(SweepAxis(path: entry.key, settings: nodes.map { [SweepAxis.flowText($0)] }, written: written))
            } else {
                let settings = groupedValues(of: entry.value, count: paths.count, path: path, context: r.context)
                axes.append(SweepAxis(path: entry.key, settings: settings, written: SweepAxis.flowText(entry.value)))
            }
        }
        if !r.has("vary") { r.missing("vary", expected: "a mapping of field paths to value lists or ranges") }
        r.finish(known: ["vary"])
        return SweepSpec(axes: axes)
    }

    var node: Node {
        YAMLBuild.map([("vary", YAMLBuild.map(axes.map { ($0.path, (try? Yams.compose(yaml: $0.written)).flatMap { $0 } ?? YAMLBuild.null) }))])
    }
}
