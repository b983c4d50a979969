/// Streaming over a snapshot: the importers read the arrays of the root object (`nodes`, `edges`,
/// `channels`) one element at a time, so that memory holds the file's bytes, the graph being built and
/// one element — never a tree of every value in the file.
///
/// Guarantees: accepts and refuses exactly the documents `parse` accepts and refuses, with the same
/// messages, except that a root that is not an object is refused at its first byte; values outside the
/// streamed arrays are checked (syntax, depth, duplicate keys) but not stored; an element the callback
/// refuses stops the scan at once, however large the rest of the file.
extension JSONParser {
    /// Streams the root object of `data`: every element of the array under each key of `arrays` is
    /// parsed on its own and handed to `element(key, index, value)`; returns the root's keys.
    static func streamRoot(_ data: [UInt8], label: String, arrays: Set<String>,
                           element: (String, Int, JSONValue) throws -> Void, arrayEnded: (String) throws -> Void = { _ in }) throws -> Set<String> {
        try data.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer, label: label)
            parser.skipSpace()
            guard parser.pos < buffer.count, buffer[parser.pos] == UInt8(ascii: "{") else {
                throw parser.error("a JSON object ({ ... }) at the top of the file")
            }
            let keys = try parser.members(depth: 0) { parser, key in
                if arrays.contains(key) {
                    try parser.streamArray(key: key, element: element)
                    try arrayEnded(key)
                } else {
                    try parser.skip(depth: 1)
                }
            }
            parser.skipSpace()
            if parser.pos < buffer.count { throw parser.error("the end of the document") }
            return keys
        }
    }

    /// Walks the object at `pos`, calling `member` with the parser positioned at each value; refuses a
    /// repeated key. Returns the keys.
    mutating func members(depth: Int, _ member: (inout JSONParser, String) throws -> Void) throws -> Set<String> {
        pos += 1
        var keys = Set<String>()
        skipSpace()
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") { pos += 1; return keys }
        while true {
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw error("a quoted key") }
            let keyStart = pos
            let key = try string()
            if !keys.insert(key).inserted {
                pos = keyStart
                throw error("each key at most once in an object", found: "\(Excerpt.quoted(key)) a second time")
            }
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw error("':' after a key") }
            pos += 1
            skipSpace()
            try member(&self, key)
            skipSpace()
            guard pos < bytes.count else { throw error("',' or '}'") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; return keys }
            throw error("',' or '}'")
        }
    }

    /// The array under `key`, element by element; a value that is not an array is refused as the
    /// importers' cursor would refuse it (`key: expected an array, found ...`).
    mutating func streamArray(key: String, element: (String, Int, JSONValue) throws -> Void) throws {
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "[") else {
            let found = try value(depth: 1)
            throw InputError(location: label, path: key, expected: "an array", found: found.described)
        }
        pos += 1
        skipSpace()
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") { pos += 1; return }
        var index = 0
        while true {
            skipSpace()
            try element(key, index, try value(depth: 2))
            index += 1
            skipSpace()
            guard pos < bytes.count else { throw error("',' or ']'") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; return }
            throw error("',' or ']'")
        }
    }

    /// Checks the value at `pos` and moves past it without storing it.
    mutating func skip(depth: Int) throws {
        guard depth < 512 else { throw error("JSON nested at most 512 deep") }
        guard pos < bytes.count else { throw error("a JSON value") }
        switch bytes[pos] {
        case UInt8(ascii: "{"):
            _ = try members(depth: depth) { parser, _ in try parser.skip(depth: depth + 1) }
        case UInt8(ascii: "["):
            pos += 1
            skipSpace()
            if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") { pos += 1; return }
            while true {
                skipSpace()
                try skip(depth: depth + 1)
                skipSpace()
                guard pos < bytes.count else { throw error("',' or ']'") }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if bytes[pos] == UInt8(ascii: "]") { pos += 1; return }
                throw error("',' or ']'")
            }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        default: throw error("a JSON value")
        }
    }
}
