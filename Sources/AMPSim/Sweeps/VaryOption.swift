import Yams

/// `--vary PATH=V1,V2,...`: one sweep axis from the command line.
///
/// Guarantees: values are split on commas outside brackets, braces and quotes (so `{n: 8}` and
/// `{uniform: {min: 1, max: 2}}` are single values); an item that is a range `START..END:lin|log:N` is
/// expanded as in a scenario's `sweep:` section; `P1,P2=A1:B1,A2:B2` varies several paths together
/// (each item holds one value per path, joined by ':'); values are distinct. Any problem is an
/// `InputError` located at `--vary TEXT`.
public enum VaryOption {
    public static func parse(_ text: String) throws -> SweepAxis {
        let origin = "--vary \(text)"
        guard let eq = text.firstIndex(of: "=") else {
            throw InputError(location: origin, expected: "PATH=V1,V2,... or PATH=START..END:lin|log:N, e.g. payment.protocol=mpp,amp", found: "no '='")
        }
        let key = String(text[..<eq])
        let paths = key.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for path in paths {
            _ = try Override.parsePath(path, origin: origin)
            if let problem = SweepAxis.notSweepableDiagnostic(path, origin: origin) { throw InputError([problem]) }
        }
        guard Set(paths).count == paths.count else {
            throw InputError(location: origin, expected: "distinct paths", found: "'\(key)'")
        }
        let items = split(String(text[text.index(after: eq)...]), on: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.allSatisfy(\.isEmpty) else {
            throw InputError(location: origin, path: key, expected: "at least one value", found: "nothing")
        }
        var settings: [[String]] = []
        var nodes: [Node] = []
        for item in items {
            guard !item.isEmpty else {
                throw InputError(location: origin, path: key, expected: "a value between every two commas", found: "an empty value")
            }
            if paths.count == 1 {
                if let range = SweepSpec.expandRange(item) {
                    switch range {
                    case .success(let expanded): nodes += expanded
                    case .failure(let problem):
                        throw InputError(location: origin, path: key, expected: "a range START..END:lin|log:N with \(problem.text)", found: "'\(item)'")
                    }
                } else {
                    nodes.append(try YAMLSource.parse(item, location: origin))
                }
                continue
            }
            let parts = split(item, on: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == paths.count, !parts.contains(where: \.isEmpty) else {
                throw InputError(location: origin, path: key, expected: "\(paths.count) values joined by ':' in each item, e.g. keysend:single",
                                 found: "'\(item)'")
            }
            nodes.append(YAMLBuild.list(try parts.map { try YAMLSource.parse($0, location: origin) }))
        }
        settings = nodes.map { node in
            if paths.count > 1, case .sequence(let seq) = node { return seq.map(SweepAxis.flowText) }
            return [SweepAxis.flowText(node)]
        }
        var seen = Set<[String]>()
        for s in settings where !seen.insert(s).inserted {
            throw InputError(location: origin, path: key, expected: "distinct values", found: "'\(s.joined(separator: ":"))' twice")
        }
        let isRange = paths.count == 1 && items.count == 1 && SweepSpec.expandRange(items[0]) != nil
        let written = isRange ? items[0] : SweepAxis.flowText(YAMLBuild.list(nodes))
        return SweepAxis(path: key, settings: settings, written: written)
    }

    /// `text` split on `separator` where it is outside brackets, braces and quotes.
    static func split(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" || c == "{" {
                depth += 1
            } else if c == "]" || c == "}" {
                depth -= 1
            } else if c == separator && depth == 0 {
                parts.append(current)
                current = ""
                continue
            }
            current.append(c)
        }
        parts.append(current)
        return parts
    }
}
