import Yams

/// Typed field accessors for scenario decoders.
extension MapReader {
    /// A required field that is absent: reported, and the caller gets a placeholder.
    func missing(_ key: String, expected: String) {
        context.report(node, child(key), expected: "\(expected) (required)", found: "nothing")
    }

    /// An integer field within [min, max]; `defaultValue` when absent (nil = required).
    public func int(_ key: String, default defaultValue: Int?, min: Int? = nil, max: Int? = nil) -> Int {
        let expected = ScalarParsing.rangeText("an integer", min: min.map(Double.init), max: max.map(Double.init))
        guard let node = value(key) else {
            if let defaultValue { return defaultValue }
            missing(key, expected: expected)
            return min ?? 0
        }
        guard let v = ScalarParsing.int(node), v >= (min ?? .min), v <= (max ?? .max) else {
            report(key, expected: expected)
            return defaultValue ?? min ?? 0
        }
        return v
    }

    /// An optional integer field within [min, max]; nil when absent.
    public func optionalInt(_ key: String, min: Int? = nil, max: Int? = nil) -> Int? {
        guard has(key) else { _ = value(key); return nil }
        return int(key, default: nil, min: min, max: max)
    }

    /// A number field; bounds inclusive unless marked exclusive.
    public func number(_ key: String, default defaultValue: Double?, min: Double? = nil, max: Double? = nil,
                       minExclusive: Bool = false, maxExclusive: Bool = false) -> Double {
        let expected = ScalarParsing.rangeText("a number", min: min, max: max, minExclusive: minExclusive, maxExclusive: maxExclusive)
        guard let node = value(key) else {
            if let defaultValue { return defaultValue }
            missing(key, expected: expected)
            return min ?? 0
        }
        guard let v = ScalarParsing.double(node),
              min.map({ minExclusive ? v > $0 : v >= $0 }) ?? true,
              max.map({ maxExclusive ? v < $0 : v <= $0 }) ?? true else {
            report(key, expected: expected)
            return defaultValue ?? min ?? 0
        }
        return v
    }

    /// An optional number field; nil when absent.
    public func optionalNumber(_ key: String, min: Double? = nil, max: Double? = nil,
                               minExclusive: Bool = false, maxExclusive: Bool = false) -> Double? {
        guard has(key) else { _ = value(key); return nil }
        return number(key, default: nil, min: min, max: max, minExclusive: minExclusive, maxExclusive: maxExclusive)
    }

    /// A probability in [0, 1].
    public func probability(_ key: String, default defaultValue: Double) -> Double {
        number(key, default: defaultValue, min: 0, max: 1)
    }

    public func bool(_ key: String, default defaultValue: Bool) -> Bool {
        guard let node = value(key) else { return defaultValue }
        guard let v = ScalarParsing.bool(node) else {
            report(key, expected: "true or false")
            return defaultValue
        }
        return v
    }

    public func uint64(_ key: String, default defaultValue: UInt64) -> UInt64 {
        guard let node = value(key) else { return defaultValue }
        guard let v = ScalarParsing.uint64(node) else {
            report(key, expected: "an integer from 0 to \(UInt64.max)")
            return defaultValue
        }
        return v
    }

    /// A text field; `defaultValue` nil = required.
    public func string(_ key: String, default defaultValue: String?) -> String {
        guard let node = value(key) else {
            if let defaultValue { return defaultValue }
            missing(key, expected: "a text")
            return ""
        }
        guard let v = ScalarParsing.string(node) else {
            report(key, expected: "a text")
            return defaultValue ?? ""
        }
        return v
    }

    public func optionalString(_ key: String) -> String? {
        guard has(key) else { _ = value(key); return nil }
        return string(key, default: nil)
    }

    /// One of the names of `E`; `defaultValue` nil = required.
    public func choice<E: CaseIterable & RawRepresentable>(_ key: String, default defaultValue: E?) -> E where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        let expected = "one of " + names.joined(separator: " | ")
        guard let node = value(key) else {
            if let defaultValue { return defaultValue }
            missing(key, expected: expected)
            return E.allCases.first!
        }
        guard let text = ScalarParsing.string(node), let v = E(rawValue: text) else {
            let hint = ScalarParsing.string(node).map { Suggestion.hint(for: $0, among: names) } ?? ""
            report(key, expected: expected + hint)
            return defaultValue ?? E.allCases.first!
        }
        return v
    }
}
