import Yams

/// Reads the fields of one YAML mapping for the decoders of the scenario schema, tracking which keys
/// were read so that leftovers are reported as unknown fields with a "did you mean" hint.
///
/// Guarantees: every accessor returns a usable value even on bad input (the default, or a neutral
/// placeholder) and records the problem in the context; callers decode the whole tree and then ask the
/// context whether anything was wrong.
public final class MapReader {
    public let context: DecodeContext
    /// Dotted path of this mapping ("" for the document root).
    public let path: String
    /// The mapping node, or nil when the section is absent.
    public let node: Node?
    private var entries: [(key: String, keyNode: Node, value: Node)] = []
    private var used: Set<String> = []

    /// A reader over `node`; a node that is not a mapping is reported and read as an empty one.
    public init(_ node: Node?, path: String, context: DecodeContext) {
        self.context = context
        self.path = path
        self.node = node
        guard let node, node.null == nil else { return }
        guard case .mapping(let mapping) = node else {
            context.report(node, path.isEmpty ? "(document)" : path, expected: "a mapping of fields", found: DecodeContext.describe(node))
            return
        }
        var seen: [String: Int] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                context.report(keyNode, child("?"), expected: "a plain field name", found: DecodeContext.describe(keyNode))
                continue
            }
            let key = scalar.string
            if let firstLine = seen[key] {
                context.report(keyNode, child(key), expected: "each field once", found: "it again (first at line \(firstLine))")
                continue
            }
            seen[key] = keyNode.mark?.line ?? 0
            entries.append((key, keyNode, value))
        }
    }

    /// The dotted path of field `key` of this mapping.
    public func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Whether the field is present and not null.
    public func has(_ key: String) -> Bool { value(of: key, markUsed: false) != nil }

    /// The raw value of `key` (nil when absent or null), marking the key as known.
    public func value(_ key: String) -> Node? { value(of: key, markUsed: true) }

    private func value(of key: String, markUsed: Bool) -> Node? {
        if markUsed { used.insert(key) }
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if entry.value.null != nil, case .scalar(let s) = entry.value, s.style == .plain || s.style == .any { return nil }
        return entry.value
    }

    /// The node to point at for a problem with `key`: its value, or this mapping when it is absent.
    public func anchor(_ key: String) -> Node? { value(of: key, markUsed: false) ?? node }

    /// Reports a problem with field `key`.
    public func report(_ key: String, expected: String, found: String? = nil) {
        let v = value(of: key, markUsed: false)
        context.report(v ?? node, child(key), expected: expected, found: found ?? DecodeContext.describe(v))
    }

    /// A reader for the sub-mapping `key` (empty when absent).
    public func section(_ key: String) -> MapReader {
        MapReader(value(key), path: child(key), context: context)
    }

    /// Reports every field that no decoder asked for, with a suggestion among `known` (or among
    /// the fields that were asked for, when `known` is empty).
    public func finish(known: [String] = []) {
        let candidates = known.isEmpty ? Array(used).sorted() : known
        for entry in entries where !used.contains(entry.key) {
            let hint = Suggestion.hint(for: entry.key, among: candidates)
            let list = candidates.count <= 12 ? ": " + candidates.joined(separator: ", ") : ""
            context.report(entry.keyNode, child(entry.key), expected: "a known field\(hint)\(list)", found: "an unknown field")
        }
    }

    /// The keys present, in file order.
    public var keys: [String] { entries.map(\.key) }
    /// The entries present, in file order, marking them all as known.
    public func allEntries() -> [(key: String, keyNode: Node, value: Node)] {
        for e in entries { used.insert(e.key) }
        return entries
    }
}
