/// A parsed JSON document, as the graph importers read it.
///
/// Guarantees: integers without fraction or exponent that fit in 64 bits stay exact (`.int`); strings
/// are fully unescaped (including surrogate pairs); object keys keep their last value.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A short description for "found ..." in messages.
    var described: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return "the number \(i)"
        case .double(let d): return "the number \(d)"
        case .string(let s): return "the string " + Excerpt.quoted(s, limit: 40)
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A hand-written JSON parser over bytes: fast enough for 30 MB snapshots, with line numbers in errors.
///
/// Guarantees: accepts exactly RFC 8259 JSON (one value, optional whitespace around it) with each key
/// at most once per object; anything else throws an `InputError` at `FILE:LINE` saying what was
/// expected and what was found. Its scanning methods are internal for `JSONParser+Stream`.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    let label: String

    init(_ bytes: UnsafeBufferPointer<UInt8>, label: String) {
        self.bytes = bytes
        self.label = label
    }

    /// Parses a whole document.
    static func parse(_ data: [UInt8], label: String) throws -> JSONValue {
        try data.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer, label: label)
            parser.skipSpace()
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            if parser.pos < buffer.count { throw parser.error("the end of the document") }
            return value
        }
    }

    func error(_ expected: String, found given: String? = nil) -> InputError {
        var line = 1
        for i in 0..<Swift.min(pos, bytes.count) where bytes[i] == 0x0A { line += 1 }
        let found: String
        if let given {
            found = given
        } else if pos >= bytes.count {
            found = "the end of the file (truncated?)"
        } else {
            found = Excerpt.quoted(bytes[pos..<Swift.min(bytes.count, pos + 64)], limit: 16)
        }
        return InputError(location: "\(label):\(line)", expected: expected, found: found)
    }

    mutating func skipSpace() {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return }
        }
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < 512 else { throw error("JSON nested at most 512 deep") }
        guard pos < bytes.count else { throw error("a JSON value") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("a JSON value")
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw error("'\(word)'") }
        let p = word.utf8Start
        for i in 0..<n where bytes[pos + i] != p[i] { throw error("'\(word)'") }
        pos += n
    }

    /// An object: its members read by `members` (which refuses a repeated key), each value kept.
    private mutating func object(depth: Int) throws -> JSONValue {
        var result: [String: JSONValue] = [:]
        _ = try members(depth: depth) { parser, key in result[key] = try parser.value(depth: depth + 1) }
        return .object(result)
    }

    private mutating func array(depth: Int) throws -> JSONValue {
        pos += 1
        var result: [JSONValue] = []
        skipSpace()
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(result) }
        while true {
            skipSpace()
            result.append(try value(depth: depth + 1))
            skipSpace()
            guard pos < bytes.count else { throw error("',' or ']'") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(result) }
            throw error("',' or ']'")
        }
    }

    mutating func string() throws -> String {
        pos += 1
        let start = pos
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
                pos += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw error("no control character inside a string") }
            pos += 1
        }
        var out = [UInt8](bytes[start..<pos])
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") { pos += 1; return String(decoding: out, as: UTF8.self) }
            if c < 0x20 { throw error("no control character inside a string") }
            if c != UInt8(ascii: "\\") { out.append(c); pos += 1; continue }
            pos += 1
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), pos + 1 < bytes.count,
                   bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") {
                    pos += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                }
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: pos -= 1; throw error("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
            }
        }
        throw error("'\"' closing the string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard pos + 4 <= bytes.count else { throw error("four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("four hex digits")
            }
            v = v * 16 + d
            pos += 1
        }
        return v
    }

    mutating func number() throws -> JSONValue {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        let digitsStart = pos
        while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
        guard pos > digitsStart else { throw error("a digit") }
        if pos - digitsStart > 1 && bytes[digitsStart] == UInt8(ascii: "0") { pos = digitsStart; throw error("a number without leading zeros") }
        var integral = true
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            integral = false
            pos += 1
            let f = pos
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
            guard pos > f else { throw error("a digit after '.'") }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            integral = false
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            let e = pos
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
            guard pos > e else { throw error("a digit in the exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        if integral, let i = Int64(text) { return .int(i) }
        return .double(Double(text) ?? .nan)
    }
}
