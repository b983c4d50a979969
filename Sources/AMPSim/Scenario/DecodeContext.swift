import Yams

/// The state of one pass that turns a YAML tree into typed values: where the tree came from, which
/// parts came from `--set` overrides, and every problem found so far.
///
/// Guarantees: problems are collected, never thrown one at a time, so a user sees all of them at
/// once; each carries the location of the node it is about.
public final class DecodeContext {
    /// The file the tree was read from (or a label such as `<scenario>`).
    public let file: String
    /// Overridden paths (dotted) and how the user wrote each override.
    let overrides: [(path: String, origin: String)]
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String, overrides: [(path: String, origin: String)] = []) {
        self.file = file
        self.overrides = overrides
    }

    /// Where a problem about `node` at `path` should point: the override that set it, the file
    /// line, an override that set a field inside it, or the file.
    public func location(of node: Node?, path: String) -> String {
        for entry in overrides.reversed() where path == entry.path || path.hasPrefix(entry.path + ".") {
            return entry.origin
        }
        if let line = node?.mark?.line { return "\(file):\(line)" }
        // A block that only overrides made (no file line): the last override inside it.
        for entry in overrides.reversed() where entry.path.hasPrefix(path + ".") { return entry.origin }
        return file
    }

    public func report(_ node: Node?, _ path: String, expected: String, found: String) {
        diagnostics.append(Diagnostic(location: location(of: node, path: path), path: path, expected: expected, found: found))
    }

    /// Throws every collected problem, if any.
    public func throwIfFailed() throws {
        if !diagnostics.isEmpty { throw InputError(Self.sortedByLine(diagnostics)) }
    }

    /// Problems in file order (stable for problems on the same line or without one).
    static func sortedByLine(_ list: [Diagnostic]) -> [Diagnostic] {
        func line(_ d: Diagnostic) -> Int {
            guard let colon = d.location.lastIndex(of: ":"), let n = Int(d.location[d.location.index(after: colon)...]) else { return 0 }
            return n
        }
        return list.enumerated().sorted { (line($0.element), $0.offset) < (line($1.element), $1.offset) }.map(\.element)
    }

    /// A short description of what a node holds, for "found ..." texts.
    public static func describe(_ node: Node?) -> String {
        guard let node else { return "nothing" }
        switch node {
        case .scalar(let scalar):
            if node.null != nil && scalar.style == .plain || node.null != nil && scalar.style == .any { return "nothing (null)" }
            var text = scalar.string
            if text.count > 60 { text = String(text.prefix(57)) + "..." }
            return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
