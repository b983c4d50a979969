import Foundation

/// `ampsim collect DIR --table payments|parts|channels`: the per-run tables of a sweep folder (or the
/// table of one `ampsim run` folder) stacked into one CSV, each row prefixed with the configuration
/// that produced it.
///
/// Guarantees: the columns are `run_id`, `scenario,protocol,strategy`, the sweep's varied paths and
/// `point` (a run folder has neither: its `run_id` is empty), then the table's own columns without
/// `protocol` and `strategy` (already in front); the rows are every run's rows, in (point,
/// replication) order, each run's rows in its file's order and their fields byte for byte as the run
/// wrote them — so the output depends only on the runs, never on the folder's path or `--jobs`. Every
/// run is checked before a byte is written: a folder that is neither a sweep nor a run folder, an
/// unfinished run, a missing table (`output.parts` / `output.channels` off) or a table whose header
/// differs from the others is an `InputError` naming the run folder.
public struct CollectedTable {
    /// The tables a run can write.
    public enum Table: String, CaseIterable, Sendable {
        case payments, parts, channels

        public var fileName: String { rawValue + ".csv" }

        /// The scenario field that turns the table on (payments.csv is always written).
        public var outputField: String? {
            switch self {
            case .payments: nil
            case .parts: "output.parts"
            case .channels: "output.channels"
            }
        }
    }

    /// One run folder and the fields that go before its rows.
    struct Source {
        var folder: String
        /// `run_id`, then the grid's values and `point` (sweeps only).
        var prefix: [String]
    }

    public let table: Table
    /// The output's header line (without line break).
    public let header: String
    let sources: [Source]
    /// Columns of the run's table left out (already in the prefix).
    let dropped: Set<Int>
    let columnCount: Int

    public static let droppedColumns = ["protocol", "strategy"]

    /// Checks `dir` (a sweep folder or a run folder) and every run's `table`; reads no row yet.
    public init(_ dir: String, table: Table) throws {
        self.table = table
        let fm = FileManager.default
        var sources: [Source] = []
        var prefixColumns: [String]
        if fm.fileExists(atPath: dir + "/runs.csv") || fm.fileExists(atPath: dir + "/scenario.yaml") {
            let folder = try SweepSummary.Folder(dir)
            let sweep = SweepFolder(dir)
            prefixColumns = folder.grid.columns + ["point"]
            for id in folder.runs.sorted() {
                guard sweep.isFinished(id) else {
                    throw InputError(location: sweep.runPath(id), expected: "a finished run (its 'done' marker)",
                                     found: "none: finish the sweep first (rerun it with --resume)")
                }
                sources.append(Source(folder: sweep.runPath(id), prefix: [id.text] + folder.grid.csvFields(of: id.point) + [String(id.point)]))
            }
        } else if fm.fileExists(atPath: dir + "/run.json") {
            prefixColumns = []
            sources = [Source(folder: dir, prefix: [""])]
        } else {
            throw InputError(location: dir, expected: "a sweep folder (scenario.yaml, runs.csv, runs/) or a run folder (run.json, payments.csv)",
                             found: fm.fileExists(atPath: dir) ? "neither" : "no such folder")
        }
        var firstHeader: [String]? = nil
        for (i, source) in sources.enumerated() {
            let file = source.folder + "/" + table.fileName
            guard let first = Self.firstLine(of: file) else {
                if let field = table.outputField {
                    throw InputError(location: source.folder, path: field,
                                     expected: "a \(table.fileName) in every run (run with --set \(field)=true)", found: "none")
                }
                throw InputError(location: source.folder, expected: "a readable \(table.fileName)", found: "none")
            }
            let columns = CSVRecords.split(first).first?.map(String.init) ?? []
            if let firstHeader, columns != firstHeader {
                throw InputError(location: file + ":1", expected: "the header of \(sources[0].folder)/\(table.fileName)",
                                 found: "different columns (runs made by different ampsim versions?)")
            }
            firstHeader = columns
            sources[i].prefix.insert(contentsOf: try Self.label(source.folder), at: 1)
        }
        let columns = firstHeader ?? []
        let dropped = Set(columns.indices.filter { Self.droppedColumns.contains(columns[$0]) })
        self.dropped = dropped
        columnCount = columns.count
        self.sources = sources
        let kept = columns.indices.filter { !dropped.contains($0) }.map { columns[$0] }
        header = (["run_id"] + RunLabel.columns + prefixColumns + kept).joined(separator: ",")
    }

    /// The number of runs stacked.
    public var runCount: Int { sources.count }

    /// Hands the CSV text to `sink` in pieces: the header, then one piece per run. Returns the number of
    /// data rows.
    @discardableResult
    public func write(to sink: (String) throws -> Void) throws -> Int {
        try sink(header + "\n")
        var rows = 0
        for source in sources {
            let file = source.folder + "/" + table.fileName
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw InputError(location: file, expected: "a readable UTF-8 \(table.fileName)", found: "a file that cannot be read")
            }
            let prefix = source.prefix.joined(separator: ",") + ","
            var out = ""
            for (n, record) in CSVRecords.split(text).enumerated().dropFirst() {
                guard record.count == columnCount else {
                    throw InputError(location: "\(file):\(n + 1)", expected: "\(columnCount) fields, as its header", found: "\(record.count)")
                }
                out += prefix
                var first = true
                for (i, field) in record.enumerated() where !dropped.contains(i) {
                    if !first { out += "," }
                    out += field
                    first = false
                }
                out += "\n"
                rows += 1
            }
            try sink(out)
        }
        return rows
    }

    /// Writes the CSV to `path` under a temporary name, renamed into place when complete; returns the
    /// number of data rows.
    @discardableResult
    public func write(toFile path: String) throws -> Int {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try OutputFolder.create(parent, field: "--out")
        let temporary = "\(path).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw InputError(location: path, path: "--out", expected: "a writable file", found: "one that cannot be created")
        }
        do {
            let rows = try write { text in
                do { try handle.write(contentsOf: Data(text.utf8)) } catch {
                    throw InputError(location: path, path: "--out", expected: "a writable file", found: "a write error (\(OutputFolder.reason(error)))")
                }
            }
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw InputError(location: path, path: "--out", expected: "a writable file", found: "rename failed (\(String(cString: strerror(errno))))")
            }
            return rows
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// The run's `scenario,protocol,strategy`, from its summary.csv (raw fields).
    static func label(_ folder: String) throws -> [String] {
        let file = folder + "/summary.csv"
        let records = CSVRecords.split((try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
        guard records.count >= 2, records[0].prefix(RunLabel.columns.count).map(String.init) == RunLabel.columns,
              records[1].count >= RunLabel.columns.count else {
            throw InputError(location: file, expected: "a summary.csv whose rows start with \(RunLabel.columns.joined(separator: ",")) (a run of ampsim \(AMPSimVersion.string))",
                             found: records.isEmpty ? "none" : Excerpt.quoted(records[0].prefix(RunLabel.columns.count).joined(separator: ",")))
        }
        return records[1].prefix(RunLabel.columns.count).map(String.init)
    }

    /// The file's first line (up to 64 KB), or nil when it cannot be read.
    static func firstLine(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        let line = data.prefix { $0 != UInt8(ascii: "\n") }
        return String(decoding: line, as: UTF8.self)
    }
}
