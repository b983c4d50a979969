import Foundation
import Yams

/// One swept parameter: a field path and the values it takes.
public struct SweepAxis: Sendable, Equatable {
    public var path: String
    /// Each value as YAML text, ready to be applied as an override.
    public var values: [String]
    /// How the values were written (a list, or a range such as `1000..10000000:log:7`), as YAML text.
    public var written: String
}

/// The `sweep:` section: the grid a sweep runs over, each axis a field path with a list of values or
/// a range `START..END:lin:N` / `START..END:log:N`.
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

    static func read(_ r: MapReader) -> SweepSpec {
        var axes: [SweepAxis] = []
        let vary = r.section("vary")
        for entry in vary.allEntries() {
            let path = vary.child(entry.key)
            if (try? Override.parsePath(entry.key, origin: "")) == nil {
                r.context.report(entry.keyNode, path, expected: "a dotted field path such as payment.protocol", found: "'\(entry.key)'")
                continue
            }
            let nodes = values(of: entry.value, path: path, context: r.context)
            axes.append(SweepAxis(path: entry.key, values: nodes.map(YAMLBuild.text), written: YAMLBuild.text(entry.value)))
        }
        if !r.has("vary") { r.missing("vary", expected: "a mapping of field paths to value lists or ranges") }
        r.finish(known: ["vary"])
        return SweepSpec(axes: axes)
    }

    var node: Node {
        YAMLBuild.map([("vary", YAMLBuild.map(axes.map { ($0.path, (try? Yams.compose(yaml: $0.written)).flatMap { $0 } ?? YAMLBuild.null) }))])
    }
}
