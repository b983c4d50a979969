import Foundation
import Yams

/// Reads YAML text into a node tree, refusing inputs that would make a parser crash, hang or exhaust
/// memory: oversized files, bytes that are not UTF-8 text, nesting deeper than `maxDepth`, and alias
/// expansions ("billion laughs") past `maxNodes`.
///
/// Guarantees: returns a tree or throws an `InputError` naming the file (and line when known); it
/// does work linear in the file's size, whatever the file holds.
public enum YAMLSource {
    /// Largest YAML file read, in bytes.
    public static let maxBytes = 8 << 20
    /// Deepest nesting accepted (block indentation, `- ` markers and flow brackets together).
    public static let maxDepth = 200
    /// Most nodes a document may hold once its aliases are expanded.
    public static let maxNodes = 500_000

    /// The YAML document in the file at `path`.
    public static func load(path: String) throws -> Node {
        let text = try readText(path: path, maxBytes: maxBytes, what: "a YAML scenario file")
        return try parse(text, location: path)
    }

    /// Reads a whole text file, with one clear error for a missing, unreadable, oversized, empty or
    /// non-UTF-8 file.
    public static func readText(path: String, maxBytes: Int, what: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(location: path, expected: what, found: "no such file")
        }
        if isDirectory.boolValue {
            throw InputError(location: path, expected: what, found: "a directory")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(location: path, expected: "\(what) that can be read", found: "no permission to read it")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw InputError(location: path, expected: "\(what) that can be read", found: "a read error (\(OutputFolder.reason(error)))")
        }
        if data.count > maxBytes {
            throw InputError(location: path, expected: "\(what) of at most \(maxBytes) bytes", found: "a larger file")
        }
        if let kind = Excerpt.kind(of: data) {
            throw InputError(location: path, expected: "\(what) in UTF-8 text", found: kind + Excerpt.advice(for: kind, readsXZ: false))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(location: path, expected: "\(what) in UTF-8 text", found: "bytes that are not UTF-8 text")
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw InputError(location: path, expected: what, found: "an empty file")
        }
        return text
    }

    /// The YAML document in `text`; `location` names it in errors (a file path, or `--set ...`).
    public static func parse(_ text: String, location: String) throws -> Node {
        if let (line, depth) = excessiveNesting(in: text) {
            throw InputError(location: "\(location):\(line)", expected: "YAML nested at most \(maxDepth) levels deep",
                             found: "nesting of \(depth) or more levels")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError([describe(error, location: location)])
        } catch {
            throw InputError(location: location, expected: "valid YAML", found: "\(error)")
        }
        guard let root else {
            throw InputError(location: location, expected: "a YAML document", found: "nothing but comments or blank lines")
        }
        var budget = maxNodes
        if !withinBudget(root, &budget) {
            throw InputError(location: location, expected: "at most \(maxNodes) YAML nodes once aliases are expanded",
                             found: "more (an alias bomb?)")
        }
        return root
    }

    /// A cheap upper bound on nesting depth, line by line: indentation + leading `- ` markers + open
    /// flow brackets. Returns the first line where the bound passes `maxDepth`.
    static func excessiveNesting(in text: String) -> (line: Int, depth: Int)? {
        var flowDepth = 0
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var indent = 0
            var dashes = 0
            var atStart = true
            var quote: Character?
            var previous: Character = " "
            var iterator = line.makeIterator()
            var peeked: Character? = iterator.next()
            while let c = peeked {
                peeked = iterator.next()
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "#" && (previous == " " || previous == "\t" || atStart) {
                    break
                } else if atStart && (c == " " || c == "\t") {
                    indent += 1
                } else if atStart && (c == "-" || c == "?") && (peeked == " " || peeked == nil) {
                    dashes += 1
                } else {
                    atStart = false
                    switch c {
                    case "\"", "'": if previous == " " || previous == "[" || previous == "{" || previous == "," || previous == ":" { quote = c }
                    case "[", "{": flowDepth += 1
                    case "]", "}": flowDepth = max(0, flowDepth - 1)
                    default: break
                    }
                }
                previous = c
                let depth = indent / 2 + dashes + flowDepth
                if depth > maxDepth { return (lineNumber, depth) }
            }
        }
        return nil
    }

    /// Counts nodes, aliases expanded, stopping as soon as the budget runs out.
    static func withinBudget(_ node: Node, _ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar, .alias:
            return true
        case .sequence(let seq):
            for child in seq where !withinBudget(child, &budget) { return false }
            return true
        case .mapping(let map):
            for (key, value) in map {
                if !withinBudget(key, &budget) || !withinBudget(value, &budget) { return false }
            }
            return true
        }
    }

    static func describe(_ error: YamlError, location: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let where_ = context.map { " \($0.text)" } ?? ""
            return Diagnostic(location: "\(location):\(mark.line)", path: "", expected: "valid YAML",
                              found: "\(problem)\(where_) (column \(mark.column))")
        case .reader(let problem, let offset, _, _):
            return Diagnostic(location: location, path: "", expected: "readable YAML text",
                              found: "\(problem)" + (offset.map { " at byte \($0)" } ?? ""))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            return Diagnostic(location: "\(location):\(context.mark.line)", path: key,
                              expected: "each key once in a mapping", found: "'\(key)' more than once")
        default:
            return Diagnostic(location: location, path: "", expected: "valid YAML", found: "\(error)")
        }
    }
}
