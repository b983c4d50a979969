/// `--pair AXIS=BASELINE`: paired differences between grid points that differ only on one axis
/// (typically protocol or strategy), replication by replication.
///
/// Guarantees: a point is compared with the point equal to it on every other axis and holding
/// BASELINE on AXIS; only replications present in both count (same replication = same graph,
/// balances and payments, so each difference is paired); each metric's difference gets a Student-t
/// 95% interval over the paired replications (empty bounds under two pairs); rows in point order.
public struct SweepPairing: Sendable {
    public let axis: Int
    public let baseline: Int

    /// Parses `AXIS=VALUE`, VALUE written as in `--vary` (`mpp`, or `mpp:halving` for a grouped axis).
    public static func parse(_ text: String, grid: SweepGrid) throws -> SweepPairing {
        let origin = "--pair \(text)"
        let keys = grid.axes.map(\.path)
        guard let eq = text.firstIndex(of: "="), let axis = keys.firstIndex(of: String(text[..<eq])) else {
            throw InputError(location: origin, expected: "AXIS=BASELINE with AXIS one of the sweep's axes (\(keys.joined(separator: " | ")))",
                             found: "'\(text)'")
        }
        let wanted = try VaryOption.parse(text).settings
        guard wanted.count == 1, let baseline = grid.axes[axis].settings.firstIndex(of: wanted[0]) else {
            throw InputError(location: origin, expected: "one value of \(keys[axis]) (\(grid.axes[axis].values.joined(separator: " | ")))",
                             found: "'\(text[text.index(after: eq)...])'")
        }
        return SweepPairing(axis: axis, baseline: baseline)
    }

    public static let columns = ["baseline_point", "metric", "pairs", "mean_difference", "ci_lower", "ci_upper"]

    /// One paired difference: `metric` at `point` minus at `baseline`, over `pairs` replications.
    public struct Row: Sendable, Equatable {
        public var point: Int
        public var baseline: Int
        public var metric: String
        public var pairs: Int
        public var difference: Interval
    }

    /// The paired differences of every point not at the baseline, in point then metric order.
    public func rows(grid: SweepGrid, metrics: [String], rows: [SweepRunID: [Double]]) -> [Row] {
        var out: [Row] = []
        let byPoint = Dictionary(grouping: rows.keys, by: \.point)
        for point in byPoint.keys.sorted() {
            var indices = grid.indices(of: point)
            guard indices[axis] != baseline else { continue }
            indices[axis] = baseline
            let base = grid.point(indices: indices)
            let pairs = byPoint[point]!.filter { rows[SweepRunID(point: base, replication: $0.replication)] != nil }.sorted()
            guard !pairs.isEmpty else { continue }
            for (m, metric) in metrics.enumerated() {
                let differences = pairs.map { rows[$0]![m] - rows[SweepRunID(point: base, replication: $0.replication)]![m] }.filter(\.isFinite)
                out.append(Row(point: point, baseline: base, metric: metric, pairs: differences.count, difference: Statistics.tInterval(differences)))
            }
        }
        return out
    }

    /// paired.csv: `scenario,protocol,strategy,<varied paths>,point,baseline_point,metric,pairs,mean_difference,
    /// ci_lower,ci_upper`; `labels` holds each point's label fields (scenario, protocol, strategy).
    func csv(grid: SweepGrid, metrics: [String], rows: [SweepRunID: [Double]], labels: [Int: [String]]) -> String {
        var out = (RunLabel.columns + grid.columns + ["point"] + Self.columns).joined(separator: ",") + "\n"
        for r in self.rows(grid: grid, metrics: metrics, rows: rows) {
            let label = labels[r.point] ?? ["", "", ""]
            let fields = label + grid.csvFields(of: r.point) + [String(r.point), String(r.baseline), r.metric, String(r.pairs),
                          CSVFormat.decimal(r.difference.estimate), CSVFormat.decimal(r.difference.lower), CSVFormat.decimal(r.difference.upper)]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }
}
