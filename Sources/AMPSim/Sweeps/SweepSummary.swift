import Foundation

/// `ampsim summarize`: a sweep folder's summary.csv (one row per run), summary_ci.csv (per grid point,
/// each metric's mean and 95% interval over replications) and, when asked, paired.csv.
///
/// Guarantees: the files depend only on the folder's scenario.yaml, runs.csv and the runs' own
/// summary.csv files (rows in (point, replication) order), so a sweep gives the same bytes whatever
/// `--jobs`, sharding or folder; a listed run without its `done` marker, or a runs.csv that does not
/// match scenario.yaml, or a run's summary.csv holding a field that is neither a number nor empty, is an
/// `InputError` and nothing is written; the three files are replaced together. Every table starts with
/// the configuration (`scenario,protocol,strategy`, then the varied paths), so tables stack.
public enum SweepSummary {
    /// What a sweep folder holds.
    public struct Folder {
        public let path: String
        public let scenarioYAML: String
        public let grid: SweepGrid
        public let runs: [SweepRunID]
        public let replications: Int

        /// Reads and checks `path`/scenario.yaml and `path`/runs.csv.
        public init(_ path: String) throws {
            self.path = path
            let yamlPath = path + "/scenario.yaml"
            guard let yaml = try? String(contentsOfFile: yamlPath, encoding: .utf8) else {
                throw InputError(location: path, expected: "a sweep folder (holding scenario.yaml and runs.csv)", found: "no readable scenario.yaml")
            }
            let scenario = try ScenarioLoader.load(path: yamlPath)
            scenarioYAML = yaml
            replications = scenario.replications
            grid = try SweepGrid(axes: scenario.sweep?.axes ?? [])
            let runsPath = path + "/runs.csv"
            guard let text = try? String(contentsOfFile: runsPath, encoding: .utf8) else {
                throw InputError(location: path, expected: "a sweep folder (holding scenario.yaml and runs.csv)", found: "no readable runs.csv")
            }
            var lines = text.split(whereSeparator: \.isNewline).map(String.init)
            let header = (["run_id", "point", "replication"] + grid.columns).joined(separator: ",")
            guard lines.first == header else {
                throw InputError(location: runsPath + ":1", expected: "the header '\(header)'", found: "'\(lines.first ?? "")'")
            }
            lines.removeFirst()
            var runs: [SweepRunID] = []
            for (n, line) in lines.enumerated() {
                let idText = String(line.prefix { $0 != "," })
                guard let id = SweepRunID.parse(idText), id.point < grid.pointCount, id.replication < scenario.replications,
                      line == SweepTables.runsRow(id, grid: grid) else {
                    throw InputError(location: "\(runsPath):\(n + 2)", expected: "a run of the grid in scenario.yaml", found: "'\(line)'")
                }
                runs.append(id)
            }
            self.runs = runs
        }

        /// A run's summary row: its label fields (scenario, protocol, strategy), the metric columns
        /// (after `replication`) and their fields.
        func summary(_ id: SweepRunID) throws -> (label: [String], columns: [String], fields: [String]) {
            let folder = SweepFolder(path)
            guard folder.isFinished(id) else {
                let unfinished = runs.filter { !folder.isFinished($0) }.count
                throw InputError(location: folder.runPath(id), expected: "a finished run (its 'done' marker)",
                                 found: "none (\(unfinished) of \(runs.count) runs unfinished: rerun the sweep with --resume)")
            }
            let file = folder.runPath(id) + "/summary.csv"
            let records = CSVRecords.split((try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
            let columns = records.first.map { $0.map(String.init) } ?? []
            let fields = records.count == 2 ? records[1].map(String.init) : []
            let keys = RunLabel.columns + ["replication"]
            guard Array(columns.prefix(keys.count)) == keys else {
                throw InputError(location: file + ":1", expected: "a header starting with '\(keys.joined(separator: ","))' (a run of ampsim \(AMPSimVersion.string))",
                                 found: Excerpt.quoted(columns.prefix(keys.count).joined(separator: ",")))
            }
            guard fields.count == columns.count, fields[keys.count - 1] == String(id.replication) else {
                throw InputError(location: file, expected: "a header and one row for replication \(id.replication)",
                                 found: "\(records.count) lines")
            }
            for (column, field) in zip(columns, fields).dropFirst(keys.count) where !field.isEmpty && Double(field).map({ !$0.isFinite }) ?? true {
                throw InputError(location: file + ":2", path: column, expected: "a number or an empty field (not applicable)",
                                 found: Excerpt.quoted(field))
            }
            return (Array(fields.prefix(RunLabel.columns.count)), Array(columns.dropFirst(keys.count)), Array(fields.dropFirst(keys.count)))
        }
    }

    /// Every run's summary fields (after `replication`), the metric columns they share, and each
    /// point's configuration label (scenario, protocol, strategy) from its runs' own summary.csv.
    static func fields(_ folder: Folder) throws -> (metrics: [String], rows: [SweepRunID: [String]], labels: [Int: [String]]) {
        var metrics: [String]? = nil
        var rows: [SweepRunID: [String]] = [:]
        var labels: [Int: [String]] = [:]
        for id in folder.runs.sorted() {
            let (label, columns, fields) = try folder.summary(id)
            if metrics == nil { metrics = columns }
            guard columns == metrics else {
                throw InputError(location: SweepFolder(folder.path).runPath(id) + "/summary.csv", expected: "the same columns as every other run",
                                 found: "different columns (runs made by different ampsim versions?)")
            }
            rows[id] = fields
            if labels[id.point] == nil { labels[id.point] = label }
        }
        return (metrics ?? Array(ReplicationSummary.columns.dropFirst()), rows, labels)
    }

    /// Every run's summary values (empty fields as NaN) and the metric columns, as the tables read them.
    public static func values(_ folder: Folder) throws -> (metrics: [String], rows: [SweepRunID: [Double]]) {
        let (metrics, rows, _) = try fields(folder)
        return (metrics, rows.mapValues { $0.map(number) })
    }

    /// The texts of summary.csv, summary_ci.csv and (with `pair`) paired.csv for `folder`.
    public static func tables(_ folder: Folder, pair: SweepPairing? = nil) throws -> [(name: String, text: String)] {
        let runs = folder.runs.sorted()
        let (metricColumns, rows, labels) = try fields(folder)
        let params = folder.grid.columns
        var summary = (["run_id"] + RunLabel.columns + params + ["point", "replication"] + metricColumns).joined(separator: ",") + "\n"
        for id in runs {
            summary += ([id.text] + labels[id.point]! + folder.grid.csvFields(of: id.point) + [String(id.point), String(id.replication)]
                        + rows[id]!).joined(separator: ",") + "\n"
        }
        var ci = IntervalSummary.header(prefix: RunLabel.columns + params + ["point"])
        let byPoint = Dictionary(grouping: runs, by: \.point)
        for point in byPoint.keys.sorted() {
            let values = byPoint[point]!.sorted().map { rows[$0]!.map(number) }
            ci += IntervalSummary.csv(IntervalSummary.rows(columns: metricColumns, values: values),
                                      prefix: labels[point]! + folder.grid.csvFields(of: point) + [String(point)])
        }
        var out = [("summary.csv", summary), ("summary_ci.csv", ci)]
        if let pair {
            out.append(("paired.csv", pair.csv(grid: folder.grid, metrics: metricColumns, rows: rows.mapValues { $0.map(number) }, labels: labels)))
        }
        return out
    }

    /// (Re)writes the summary files of the folder at `path`.
    @discardableResult
    public static func write(_ path: String, pair: String? = nil) throws -> Folder {
        let folder = try Folder(path)
        let pairing = try pair.map { try SweepPairing.parse($0, grid: folder.grid) }
        var writer = AtomicFileWriter()
        for table in try tables(folder, pair: pairing) { try writer.stage(table.text, to: path + "/" + table.name) }
        try writer.commit()
        return folder
    }

    static func number(_ field: String) -> Double { Double(field) ?? .nan }
}
