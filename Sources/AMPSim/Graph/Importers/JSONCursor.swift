/// A JSON value together with where it sits (`edges[17].capacity`), so that every type error an
/// importer raises names the file and the record.
///
/// Guarantees: each typed read either returns a value of the asked type or throws an `InputError`
/// of the form `FILE: path: expected ..., found ...`.
struct JSONCursor {
    /// The root of the JSON file at `path` (plain or .xz), named `label` in errors.
    static func open(path: String, label: String) throws -> JSONCursor {
        try parse(try GraphFileReader.read(path, label: label), label: label)
    }

    /// The root of the JSON document in `bytes` (already decompressed), named `label` in errors.
    static func parse(_ bytes: [UInt8], label: String) throws -> JSONCursor {
        JSONCursor(value: try JSONParser.parse(bytes, label: label), path: "", label: label)
    }

    /// Streams the root object of the document in `bytes`: `element(key, cursor)` gets each element of
    /// the arrays under `arrays`, in file order, as it is read (see `JSONParser.streamRoot`); a key of
    /// `arrays` the root lacks is an `InputError` (`key: expected a field 'key', found none`).
    /// `arrayEnded(key)` is called after the last element of each.
    static func stream(_ bytes: [UInt8], label: String, arrays: [String], element: (String, JSONCursor) throws -> Void,
                       arrayEnded: (String) throws -> Void = { _ in }) throws {
        let keys = try JSONParser.streamRoot(bytes, label: label, arrays: Set(arrays), element: { key, index, value in
            try element(key, JSONCursor(value: value, path: "\(key)[\(index)]", label: label))
        }, arrayEnded: arrayEnded)
        for key in arrays where !keys.contains(key) {
            throw InputError(location: label, path: key, expected: "a field '\(key)'", found: "none")
        }
    }

    let value: JSONValue
    let path: String
    let label: String

    func fail(_ expected: String) -> InputError {
        InputError(location: label, path: path, expected: expected, found: value.described)
    }

    private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The field `key`, nil when absent; throws when this is not an object.
    func optional(_ key: String) throws -> JSONCursor? {
        guard case .object(let fields) = value else { throw fail("an object") }
        return fields[key].map { JSONCursor(value: $0, path: child(key), label: label) }
    }

    /// The field `key`; throws when absent.
    func field(_ key: String) throws -> JSONCursor {
        guard let c = try optional(key) else {
            throw InputError(location: label, path: child(key), expected: "a field '\(key)'", found: "none")
        }
        return c
    }

    /// Whether this value is JSON null.
    var isNull: Bool { if case .null = value { return true } else { return false } }

    /// The elements of an array.
    func elements() throws -> [JSONCursor] {
        guard case .array(let items) = value else { throw fail("an array") }
        return items.enumerated().map { JSONCursor(value: $1, path: "\(path)[\($0)]", label: label) }
    }

    func string() throws -> String {
        guard case .string(let s) = value else { throw fail("a string") }
        return s
    }

    func bool() throws -> Bool {
        guard case .bool(let b) = value else { throw fail("true or false") }
        return b
    }

    static let tooLarge = "an integer of at most \(Int64.max)"

    /// Whether `s` is a whole number in decimal digits (that `Int64` could not hold when it failed to parse).
    static func isWholeNumber(_ s: some StringProtocol) -> Bool {
        let digits = s.hasPrefix("-") ? s.dropFirst() : s[...]
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// An integer written as a JSON number (a whole double such as 14.0 is accepted).
    func integer() throws -> Int64 {
        switch value {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: return Int64(d)
        case .double(let d) where d.rounded() == d: throw fail(Self.tooLarge)
        default: throw fail("an integer")
        }
    }

    /// lnd's 64-bit numbers: a decimal string ("400000"); a plain JSON integer is accepted too.
    func integerString() throws -> Int64 {
        switch value {
        case .string(let s):
            guard let i = Int64(s) else { throw fail(Self.isWholeNumber(s) ? Self.tooLarge : "a number as a string") }
            return i
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) >= 9.2e18: throw fail(Self.tooLarge)
        default: throw fail("a number as a string")
        }
    }

    /// `integerString()` at most `max`; a larger value (even one past Int64) fails with `what`.
    func integerString(atMost max: Int64, _ what: String) throws -> Int64 {
        switch value {
        case .string(let s) where Int64(s) == nil && Self.isWholeNumber(s) && !s.hasPrefix("-"): throw fail(what)
        case .double(let d) where d.rounded() == d && d > Double(max): throw fail(what)
        default:
            let v = try integerString()
            if v > max { throw fail(what) }
            return v
        }
    }

    /// CLN's msat amounts: an integer or a string "300000000msat".
    func msat() throws -> Int64 {
        switch value {
        case .int(let i): return i
        case .string(let s):
            let digits = s.hasSuffix("msat") ? String(s.dropLast(4)) : s
            guard let i = Int64(digits) else { throw fail(Self.isWholeNumber(digits) ? Self.tooLarge + " msat" : "an amount such as 300000000msat") }
            return i
        default: throw fail("an amount in msat (integer or \"NNNmsat\")")
        }
    }

    /// A non-negative integer, read with `read`, checked to be at most `atMost` when given.
    func nonNegative(_ read: (JSONCursor) throws -> Int64, atMost: Int64? = nil) throws -> Int64 {
        let v = try read(self)
        if v < 0 || v > (atMost ?? .max) {
            throw InputError(location: label, path: path, expected: atMost.map { "an integer in 0 ... \($0)" } ?? "a non-negative integer",
                             found: "\(v)")
        }
        return v
    }
}
