import Foundation

/// A CSV file of integer columns with a fixed header, as CLoTH writes them.
///
/// Guarantees: the header equals `columns` exactly; every data row has that many integer fields;
/// otherwise an `InputError` at `FILE:LINE: column: expected ..., found ...`. Blank lines are ignored.
struct CSVTable {
    let label: String
    let columns: [String]
    /// Values row by row.
    let rows: [[Int64]]
    /// 1-based line of each row in the file.
    let lines: [Int]

    init(path: String, label: String, columns: [String], limits: ResourceLimits = .standard) throws {
        try self.init(bytes: try GraphFileReader.read(path, label: label, limits: limits), label: label, columns: columns)
    }

    /// The table in `bytes` (already decompressed), named `label` in errors.
    init(bytes: [UInt8], label: String, columns: [String]) throws {
        self.label = label
        self.columns = columns
        var rows: [[Int64]] = []
        var lines: [Int] = []
        var sawHeader = false
        var lineNumber = 0
        // "\r\n" is one Character in Swift, not "\n": both end a line (CLoTH files written on Windows).
        for line in String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader {
                guard fields == columns else {
                    throw InputError(location: "\(label):\(lineNumber)", path: "header", expected: columns.joined(separator: ","),
                                     found: String(line))
                }
                sawHeader = true
                continue
            }
            guard fields.count == columns.count else {
                throw InputError(location: "\(label):\(lineNumber)", expected: "\(columns.count) fields (\(columns.joined(separator: ",")))",
                                 found: "\(fields.count)")
            }
            var values: [Int64] = []
            values.reserveCapacity(columns.count)
            for (i, f) in fields.enumerated() {
                guard let v = Int64(f) else {
                    throw InputError(location: "\(label):\(lineNumber)", path: columns[i], expected: "an integer", found: "'\(f)'")
                }
                values.append(v)
            }
            rows.append(values)
            lines.append(lineNumber)
        }
        guard sawHeader else {
            throw InputError(location: label, path: "header", expected: columns.joined(separator: ","), found: "an empty file")
        }
        self.rows = rows
        self.lines = lines
    }

    func fail(_ row: Int, _ column: String, expected: String, found: String) -> InputError {
        InputError(location: "\(label):\(lines[row])", path: column, expected: expected, found: found)
    }

    /// The value at (row, column), checked to lie in `range`.
    func value(_ row: Int, _ column: String, in range: some RangeExpression<Int64>, _ what: String) throws -> Int64 {
        let v = rows[row][columns.firstIndex(of: column)!]
        guard range.contains(v) else { throw fail(row, column, expected: what, found: "\(v)") }
        return v
    }
}
