/// The CSV texts a sweep folder holds besides the runs' own files.
///
/// Guarantees: rows are in (point, replication) order; fields depend only on the grid and the runs'
/// own CSVs (never on a path, a host or a time); parameter values are the YAML texts of the grid,
/// CSV-quoted when they hold a comma or a quote.
public enum SweepTables {
    /// runs.csv: `run_id,point,replication,<varied paths>`.
    public static func runsCSV(_ runs: [SweepRunID], grid: SweepGrid) -> String {
        var out = (["run_id", "point", "replication"] + grid.columns).joined(separator: ",") + "\n"
        for id in runs.sorted() { out += runsRow(id, grid: grid) + "\n" }
        return out
    }

    static func runsRow(_ id: SweepRunID, grid: SweepGrid) -> String {
        ([id.text, String(id.point), String(id.replication)] + grid.csvFields(of: id.point)).joined(separator: ",")
    }
}
