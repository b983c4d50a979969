import Yams

/// How YAML scalars become numbers, flags and names in a scenario.
///
/// Guarantees: a number is a plain (unquoted) scalar; integers may be written `1000000`,
/// `1_000_000` or `1e6`; `.inf` and `.nan` are refused; nothing is guessed from a quoted string.
public enum ScalarParsing {
    /// The plain text of a scalar that is not quoted, or nil.
    static func plainText(_ node: Node) -> String? {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return nil }
        return s.string
    }

    /// The finite number a scalar holds, or nil.
    public static func double(_ node: Node) -> Double? {
        guard let text = plainText(node) else { return nil }
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return nil }
        let lower = cleaned.lowercased()
        if lower.contains("inf") || lower.contains("nan") || lower.hasPrefix("0x") { return nil }
        return value
    }

    /// The integer a scalar holds (exactly), or nil.
    public static func int(_ node: Node) -> Int? {
        guard let text = plainText(node) else { return nil }
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        if let value = Int(cleaned) { return value }
        guard let d = double(node), d == d.rounded(), abs(d) < 9.0e18 else { return nil }
        return Int(d)
    }

    /// The unsigned 64-bit integer a scalar holds, or nil.
    public static func uint64(_ node: Node) -> UInt64? {
        guard let text = plainText(node) else { return nil }
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        if let value = UInt64(cleaned) { return value }
        guard let i = int(node), i >= 0 else { return nil }
        return UInt64(i)
    }

    /// The boolean a scalar holds (`true`/`false`, and YAML 1.1's yes/no/on/off), or nil.
    public static func bool(_ node: Node) -> Bool? {
        guard let text = plainText(node) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// The text of any scalar, quoted or not, or nil for mappings and lists.
    public static func string(_ node: Node) -> String? {
        guard case .scalar(let s) = node else { return nil }
        return s.string
    }

    /// "a number > 0", "an integer from 1 to 20", ...
    public static func rangeText(_ noun: String, min: Double?, max: Double?, minExclusive: Bool = false, maxExclusive: Bool = false) -> String {
        func f(_ x: Double) -> String { x == x.rounded() && abs(x) < 9e18 ? String(Int64(x)) : YAMLBuild.numberText(x) }
        switch (min, max) {
        case (nil, nil): return noun
        case (let lo?, nil): return "\(noun) \(minExclusive ? ">" : ">=") \(f(lo))"
        case (nil, let hi?): return "\(noun) \(maxExclusive ? "<" : "<=") \(f(hi))"
        case (let lo?, let hi?):
            if !minExclusive && !maxExclusive { return "\(noun) from \(f(lo)) to \(f(hi))" }
            return "\(noun) \(minExclusive ? ">" : ">=") \(f(lo)) and \(maxExclusive ? "<" : "<=") \(f(hi))"
        }
    }
}

/// Builds YAML nodes for printing a resolved scenario.
///
/// Guarantees: numbers print in their shortest round-trip form (integral values without `.0`);
/// strings that YAML would read as something else are quoted, so the output reads back the same.
public enum YAMLBuild {
    public static func numberText(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    public static func number(_ x: Double) -> Node { Node(numberText(x)) }
    public static func int(_ x: Int) -> Node { Node(String(x)) }
    public static func uint(_ x: UInt64) -> Node { Node(String(x)) }
    public static func bool(_ x: Bool) -> Node { Node(x ? "true" : "false") }
    public static var null: Node { Node("null") }

    public static func string(_ s: String) -> Node {
        let lower = s.lowercased()
        let ambiguous = s.isEmpty || Double(s.replacingOccurrences(of: "_", with: "")) != nil
            || ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lower)
            || s.first.map { "!&*-?{}[],#|>@`\"'%:".contains($0) || $0 == " " } == true
            || s.contains(": ") || s.contains(" #") || s.last == " " || s.last == ":"
        return Node(s, .implicit, ambiguous ? .doubleQuoted : .plain)
    }

    public static func map(_ pairs: [(String, Node)], flow: Bool = false) -> Node {
        Node(pairs.map { (Node($0.0), $0.1) }, .implicit, flow ? .flow : .block)
    }

    public static func list(_ items: [Node], flow: Bool = true) -> Node {
        Node(items, .implicit, flow ? .flow : .block)
    }

    public static func optional(_ node: Node?) -> Node { node ?? null }

    /// A node as YAML text that reads back to the same node (a scalar's own text when it is plain).
    public static func text(_ node: Node) -> String {
        if case .scalar(let s) = node, s.style == .plain || s.style == .any { return s.string }
        let out = (try? Yams.serialize(node: node)) ?? ""
        var trimmed = out.hasSuffix("\n...\n") ? String(out.dropLast(5)) : out
        while trimmed.hasSuffix("\n") { trimmed.removeLast() }
        return trimmed
    }
}
