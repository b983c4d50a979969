import Foundation

/// A CSV file of integer columns with a fixed header, as CLoTH writes them.
///
/// Guarantees: the header equals `columns` exactly; every data row has that many integer fields;
/// otherwise an `InputError` at `FILE:LINE: column: expected ..., found ...` quoting at most a short,
/// escaped excerpt (a compressed or binary file is named as such). Lines end in LF, CRLF or CR; blank
/// lines are ignored.
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
        if let kind = Excerpt.kind(of: bytes) {
            throw InputError(location: label, expected: "a CSV text file starting with the header \(columns.joined(separator: ","))",
                             found: kind + Excerpt.advice(for: kind))
        }
        for range in Self.lineRanges(bytes) {
            lineNumber += 1
            // Plain ASCII integer rows (nearly all of them) are read straight from the bytes; anything
            // else — the header, blank lines, errors — takes the general path below.
            if sawHeader, let values = Self.plainRow(bytes, range, count: columns.count) {
                rows.append(values)
                lines.append(lineNumber)
                continue
            }
            let line = String(decoding: bytes[range], as: UTF8.self)
            if line.allSatisfy({ $0 == " " }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader {
                guard fields == columns else {
                    throw InputError(location: "\(label):\(lineNumber)", path: "header", expected: columns.joined(separator: ","),
                                     found: Excerpt.quoted(bytes[range], limit: 60))
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
                    let digits = f.hasPrefix("-") || f.hasPrefix("+") ? f.dropFirst() : f[...]
                    let tooLarge = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
                    let expected = tooLarge ? "an integer from \(Int64.min) to \(Int64.max)" : "an integer"
                    throw InputError(location: "\(label):\(lineNumber)", path: columns[i], expected: expected, found: Excerpt.quoted(f))
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

    /// The row in `bytes[range]` when it is exactly `count` comma-separated fields, each an optional
    /// sign and ASCII digits between optional spaces or tabs, every value within Int64 — what the
    /// general path reads as the same values; nil for anything else (which the general path handles).
    static func plainRow(_ bytes: [UInt8], _ range: Range<Int>, count: Int) -> [Int64]? {
        var values: [Int64] = []
        values.reserveCapacity(count)
        var i = range.lowerBound
        let end = range.upperBound
        while true {
            while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            var negative = false
            if i < end && (bytes[i] == 0x2D || bytes[i] == 0x2B) { negative = bytes[i] == 0x2D; i += 1 }
            var magnitude: UInt64 = 0
            let digitsStart = i
            while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(bytes[i] - 0x30))
                if o1 || o2 { return nil }
                magnitude = a
                i += 1
            }
            if i == digitsStart { return nil }
            while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            if negative {
                guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
                values.append(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude))
            } else {
                guard magnitude <= UInt64(Int64.max) else { return nil }
                values.append(Int64(magnitude))
            }
            if i == end { break }
            guard bytes[i] == 0x2C else { return nil }
            i += 1
        }
        return values.count == count ? values : nil
    }

    /// The byte ranges of the lines of `bytes`, without their LF, CRLF or CR ending.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                ranges.append(start..<i)
                i += b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }

    func fail(_ row: Int, _ column: String, expected: String, found: String) -> InputError {
        InputError(location: "\(label):\(lines[row])", path: column, expected: expected, found: found)
    }

    /// The value at (row, column), checked to lie in `range`; `what` (the expectation an error names) is
    /// built only for an error.
    func value(_ row: Int, _ column: String, in range: some RangeExpression<Int64>, _ what: @autoclosure () -> String) throws -> Int64 {
        let v = rows[row][columns.firstIndex(of: column)!]
        guard range.contains(v) else { throw fail(row, column, expected: what(), found: "\(v)") }
        return v
    }
}
