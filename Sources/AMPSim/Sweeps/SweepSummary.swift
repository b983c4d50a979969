import Foundation

/// `ampsim summarize`: a sweep folder's summary.csv (one row per run), summary_ci.csv (per grid point,
/// each metric's mean and 95% interval over replications) and, when asked, paired.csv.
///
/// Guarantees: the files depend only on the folder's scenario.yaml, runs.csv and the runs' own
/// summary.csv files (rows in (point, replication) order), so a sweep gives the same bytes whatever
/// `--jobs`, sharding or folder; a listed run without its `done` marker, or a runs.csv that does not
/// match scenario.yaml, or a run's summary.csv holding a field that is neither a number nor empty, is an
/// `InputError` and nothing is written; the three files are replaced together.
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

        /// The run's summary row fields after `replication`, and the metric columns.
        func summary(_ id: SweepRunID) throws -> (columns: [String], fields: [String]) {
            let folder = SweepFolder(path)
            guard folder.isFinished(id) else {
                let unfinished = runs.filter { !folder.isFinished($0) }.count
                throw InputError(location: folder.runPath(id), expected: "a finished run (its 'done' marker)",
                                 found: "none (\(unfinished) of \(runs.count) runs unfinished: rerun the sweep with --resume)")
            }
            let file = folder.runPath(id) + "/summary.csv"
            let lines = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(whereSeparator: \.isNewline).map(String.init)
            let columns = lines.first?.split(separator: ",").map(String.init) ?? []
            let fields = lines.count == 2 ? lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
            guard columns.first == "replication", fields.count == columns.count, fields[0] == String(id.replication) else {
                throw InputError(location: file, expected: "a header starting with 'replication' and one row for replication \(id.replication)",
                                 found: "\(lines.count) lines")
            }
            for (column, field) in zip(columns, fields).dropFirst() where !field.isEmpty && Double(field).map({ !$0.isFinite }) ?? true {
                throw InputError(location: file + ":2", path: column, expected: "a number or an empty field (not applicable)",
                                 found: Excerpt.quoted(field))
            }
            return (Array(columns.dropFirst()), Array(fields.dropFirst()))
        }
    }

    /// Every run's summary fields (after `replication`) and the metric columns they share.
    static func fields(_ folder: Folder) throws -> (metrics: [String], rows: [SweepRunID: [String]]) {
        var metrics: [String]? = nil
        var rows: [SweepRunID: [String]] = [:]
        for id in folder.runs.sorted() {
            let (columns, fields) = try folder.summary(id)
            if metrics == nil { metrics = columns }
            guard columns == metrics else {
                throw InputError(location: SweepFolder(folder.path).runPath(id) + "/summary.csv", expected: "the same columns as every other run",
                                 found: "different columns (runs made by different ampsim versions?)")
            }
            rows[id] = fields
        }
        return (metrics ?? Array(ReplicationSummary.columns.dropFirst()), rows)
    }

    /// Every run's summary values (empty fields as NaN) and the metric columns, as the tables read them.
    public static func values(_ folder: Folder) throws -> (metrics: [String], rows: [SweepRunID: [Double]]) {
        let (metrics, rows) = try fields(folder)
        return (metrics, rows.mapValues { $0.map(number) })
    }

    /// The texts of summary.csv, summary_ci.csv and (with `pair`) paired.csv for `folder`.
    public static func tables(_ folder: Folder, pair: SweepPairing? = nil) throws -> [(name: String, text: String)] {
        let runs = folder.runs.sorted()
        let (metricColumns, rows) = try fields(folder)
        let params = folder.grid.columns
        var summary = (["run_id", "point", "replication"] + params + metricColumns).joined(separator: ",") + "\n"
        for id in runs {
            summary += ([id.text, String(id.point), String(id.replication)] + folder.grid.csvFields(of: id.point) + rows[id]!).joined(separator: ",") + "\n"
        }
        var ci = IntervalSummary.header(prefix: ["point"] + params)
        let byPoint = Dictionary(grouping: runs, by: \.point)
        for point in byPoint.keys.sorted() {
            let values = byPoint[point]!.sorted().map { rows[$0]!.map(number) }
            ci += IntervalSummary.csv(IntervalSummary.rows(columns: metricColumns, values: values),
                                      prefix: [String(point)] + folder.grid.csvFields(of: point))
        }
        var out = [("summary.csv", summary), ("summary_ci.csv", ci)]
        if let pair {
            out.append(("paired.csv", pair.csv(grid: folder.grid, metrics: metricColumns, rows: rows.mapValues { $0.map(number) })))
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
