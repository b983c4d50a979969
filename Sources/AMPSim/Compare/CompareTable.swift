/// The tables `ampsim compare` prints: the configurations side by side, then each one's paired
/// difference from the baseline.
///
/// Guarantees: built only from the compare folder's run summaries (the numbers of its summary_ci.csv
/// and paired.csv, through `IntervalSummary` and `SweepPairing`), one row per configuration in the
/// order given; the columns are `columns` (the success-among-feasible column only when the oracle
/// judged payments), the paired table's `pairedColumns` likewise; numbers follow `ReadableNumber`, in
/// the units of `MetricDisplay` (sat·s, sat); a figure that does not apply (no multi-part payment to
/// link, an interval from one replication) prints as "—".
public enum CompareTable {
    /// Side-by-side columns: (header, summary.csv metric, with its interval).
    public static let columns: [(header: String, metric: String, interval: Bool)] = [
        ("success [95% CI]", "success_rate", true),
        ("success among feasible", "success_rate_feasible", false),
        ("fee ppm (median)", "fee_ppm_median", false),
        ("HTLCs/payment", "htlcs_per_payment", false),
        ("slot·s/payment", "slot_seconds_per_payment", false),
        ("locked sat·s/payment", "locked_msat_seconds_per_payment", false),
        ("linkable share", "linked_payment_share", false),
        ("partial loss (sat)", "partial_loss_msat_total", false),
    ]

    /// Paired-difference columns: (header, summary.csv metric).
    public static let pairedColumns: [(header: String, metric: String)] = [
        ("Δ success [95% CI]", "success_rate"),
        ("Δ success among feasible [95% CI]", "success_rate_feasible"),
        ("Δ fee ppm (median) [95% CI]", "fee_ppm_median"),
        ("Δ HTLCs/payment [95% CI]", "htlcs_per_payment"),
    ]

    static let oracleMetric = "success_rate_feasible"

    /// The whole text for the compare folder at `path`, planned by `plan`.
    public static func render(_ plan: ComparePlan, folder path: String) throws -> String {
        let folder = try SweepSummary.Folder(path)
        let (metrics, values) = try SweepSummary.values(folder)
        let grid = folder.grid
        let byPoint = Dictionary(grouping: values.keys, by: \.point)
        func label(_ point: Int) -> String { grid.settings(of: point).map(\.value).joined(separator: ":") }
        // Each point's intervals over its replications, as summary_ci.csv has them.
        var intervals: [Int: [String: Interval]] = [:]
        for (point, ids) in byPoint {
            let rows = IntervalSummary.rows(columns: metrics, values: ids.sorted().map { values[$0]! })
            intervals[point] = Dictionary(rows.map { ($0.metric, $0.interval) }, uniquingKeysWith: { a, _ in a })
        }
        let points = byPoint.keys.sorted()
        let hasOracle = points.contains { intervals[$0]?[oracleMetric]?.estimate.isFinite == true }
        let shown = columns.filter { hasOracle || $0.metric != oracleMetric }
        var table = TextTable(header: ["configuration"] + shown.map(\.header))
        for point in points {
            table.append([label(point)] + shown.map { column in
                let display = MetricDisplay.of(column.metric)
                guard let interval = intervals[point]?[column.metric] else { return ReadableNumber.dash }
                let scaled = display.shown(interval)
                return column.interval ? ReadableNumber.withInterval(scaled) : ReadableNumber.value(scaled.estimate)
            })
        }
        let payments = Set(values.values.compactMap { row -> Int? in
            metrics.firstIndex(of: "payments").flatMap { Int(exactly: row[$0]) }
        })
        let paymentText = payments.count == 1 ? ReadableNumber.plural(payments.first!, "payment")
            : "\(ReadableNumber.count(payments.min() ?? 0)) to \(ReadableNumber.count(payments.max() ?? 0)) payments"
        let replications = ReadableNumber.plural(folder.replications, "replication")
        var lines = [
            "\(plan.sweep.base.name): \(ReadableNumber.plural(points.count, "configuration")), each on the same graphs, balances and payments: " +
                "\(paymentText) × \(replications)",
            table.text,
        ]
        let pairing = try SweepPairing.parse(plan.pair, grid: grid)
        let paired = pairing.rows(grid: grid, metrics: metrics, rows: values)
        let pairedShown = pairedColumns.filter { hasOracle || $0.metric != oracleMetric }
        var differences = TextTable(header: ["configuration"] + pairedShown.map(\.header))
        for point in points where paired.contains(where: { $0.point == point }) {
            differences.append([label(point)] + pairedShown.map { column in
                guard let row = paired.first(where: { $0.point == point && $0.metric == column.metric }) else { return ReadableNumber.dash }
                return ReadableNumber.withInterval(MetricDisplay.of(column.metric).shown(row.difference), signed: true)
            })
        }
        lines += [
            "",
            "paired differences, each configuration minus \(plan.baseline) on the same payments " +
                "(mean over \(replications), 95% t interval):",
            differences.text,
        ]
        return lines.joined(separator: "\n")
    }
}
