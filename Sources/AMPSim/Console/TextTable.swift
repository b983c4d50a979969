/// A table for the console: columns padded to their widest cell, two spaces apart, text columns
/// left-aligned and number columns right-aligned.
///
/// Guarantees: every line holds exactly one cell per column (missing cells print as "—"); widths
/// count characters, so "—" and "·" take one column each; no line ends in spaces.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    /// The first column left-aligned, the others right-aligned unless `alignments` says otherwise.
    public init(header: [String], alignments: [Alignment]? = nil) {
        self.header = header
        self.alignments = alignments ?? header.indices.map { $0 == 0 ? .left : .right }
    }

    public mutating func append(_ row: [String]) {
        rows.append(header.indices.map { $0 < row.count ? row[$0] : ReadableNumber.dash })
    }

    public var text: String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        return all.map { cells in
            let padded = cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return alignments[i] == .left ? cell + pad : pad + cell
            }
            var line = padded.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
