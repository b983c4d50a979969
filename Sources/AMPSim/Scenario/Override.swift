import Yams

/// One `--set path.to.field=value` override, applied to the scenario tree before validation.
///
/// Guarantees: the value is read as YAML (so `--set payment.fixed_n={n: 8}` and
/// `--set workload.amount_sat=100000` both work); an empty value resets the field to its default;
/// problems are reported against the override as the user wrote it, never against the file.
public struct Override {
    /// Path components, e.g. ["payment", "fixed_n", "n"].
    public let path: [String]
    /// The value as YAML (nil: reset to the default).
    public let value: Node?
    /// How the user wrote it, e.g. `--set payment.protocol=amp`.
    public let origin: String

    public var dottedPath: String { path.joined(separator: ".") }

    public init(path: [String], value: Node?, origin: String) {
        self.path = path
        self.value = value
        self.origin = origin
    }

    /// Sets the field at the dotted `path` to the plain scalar `text` (not read as YAML), e.g. the value
    /// of `--seed 7`; problems are reported at `origin`.
    public static func scalar(_ path: String, _ text: String, origin: String) -> Override {
        Override(path: path.split(separator: ".").map(String.init), value: Node(text), origin: origin)
    }

    /// Parses `path=value` as given to the flag `flag`.
    public static func parse(_ text: String, flag: String = "--set") throws -> Override {
        let origin = "\(flag) \(text)"
        guard let eq = text.firstIndex(of: "=") else {
            throw InputError(location: origin, expected: "PATH=VALUE, e.g. payment.protocol=amp", found: "no '='")
        }
        let pathText = String(text[..<eq])
        let valueText = String(text[text.index(after: eq)...])
        let path = try parsePath(pathText, origin: origin)
        if valueText.trimmingCharacters(in: .whitespaces).isEmpty {
            return Override(path: path, value: nil, origin: origin)
        }
        return Override(path: path, value: try YAMLSource.parse(valueText, location: origin), origin: origin)
    }

    /// Checks a dotted field path such as `payment.fixed_n.n`.
    public static func parsePath(_ text: String, origin: String) throws -> [String] {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let valid = parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        }
        guard !text.isEmpty, valid else {
            throw InputError(location: origin, expected: "a dotted field path such as payment.fixed_n.n", found: "'\(text)'")
        }
        return parts
    }

    /// The tree with every override applied, in order.
    public static func apply(_ overrides: [Override], to root: Node) throws -> Node {
        var tree = root
        for o in overrides { tree = try set(o.path[...], in: tree, to: o.value, override: o) }
        return tree
    }

    static func set(_ path: ArraySlice<String>, in node: Node?, to value: Node?, override: Override) throws -> Node {
        guard let key = path.first else { return value ?? YAMLBuild.null }
        var pairs: [(Node, Node)] = []
        var style = Node.Mapping.Style.any
        var mark: Mark?
        if let node, node.null == nil {
            guard case .mapping(let mapping) = node else {
                let parent = override.path[..<path.startIndex].joined(separator: ".")
                throw InputError(location: override.origin, path: parent,
                                 expected: "a mapping to set '\(key)' inside", found: DecodeContext.describe(node))
            }
            pairs = mapping.map { ($0.key, $0.value) }
            style = mapping.style
            mark = mapping.mark
        }
        if let index = pairs.firstIndex(where: { $0.0.string == key }) {
            if path.count == 1 && value == nil {
                pairs.remove(at: index)
            } else {
                pairs[index].1 = try set(path.dropFirst(), in: pairs[index].1, to: value, override: override)
            }
        } else if !(path.count == 1 && value == nil) {
            pairs.append((Node(key), try set(path.dropFirst(), in: nil, to: value, override: override)))
        }
        return .mapping(Node.Mapping(pairs, .implicit, style, mark))
    }
}
