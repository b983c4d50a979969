/// summary_ci.csv: for each metric of summary.csv, its mean over replications and a 95% interval.
///
/// Guarantees: one long-form row per metric, in the order of the input columns (the `replication`
/// column is skipped); proportions of payments (`success_rate`) get a Wilson interval on the counts
/// pooled over replications (`successful_payments` of `payments`), every other metric a Student-t
/// interval over its per-replication values; a replication whose value is empty (not applicable, e.g.
/// a fee mean with no successful payment) is left out of that metric, and `replications` says how many
/// values were used; bounds are empty when the interval is undefined (fewer than two values).
public enum IntervalSummary {
    /// One metric's interval.
    public struct Row: Sendable, Equatable {
        public var metric: String
        public var replications: Int
        public var interval: Interval
        /// "t" or "wilson".
        public var method: String
    }

    public static let columns = ["metric", "replications", "mean", "ci_lower", "ci_upper", "interval"]

    /// Proportion metrics and the (successes, trials) count columns their Wilson interval pools.
    public static let proportions: [String: (successes: String, trials: String)] = [
        "success_rate": ("successful_payments", "payments"),
    ]

    /// Intervals for every column of `values` (one inner array per replication, aligned with `columns`).
    public static func rows(columns: [String], values: [[Double]], confidence: Double = 0.95) -> [Row] {
        func column(_ name: String) -> [Double]? {
            columns.firstIndex(of: name).map { i in values.map { $0[i] } }
        }
        var out: [Row] = []
        for (i, name) in columns.enumerated() where name != "replication" {
            let finite = values.map { $0[i] }.filter(\.isFinite)
            if let counts = proportions[name], let s = column(counts.successes), let t = column(counts.trials) {
                let successes = s.filter(\.isFinite).reduce(0, +), trials = t.filter(\.isFinite).reduce(0, +)
                var interval = Statistics.wilsonInterval(successes: Int(successes.rounded()), trials: Int(trials.rounded()), confidence: confidence)
                // The point estimate stays the mean of the replications' rates (equal-sized replications: the same).
                if !finite.isEmpty { interval.estimate = Statistics.mean(finite) }
                out.append(Row(metric: name, replications: finite.count, interval: interval, method: "wilson"))
            } else {
                out.append(Row(metric: name, replications: finite.count, interval: Statistics.tInterval(finite, confidence: confidence), method: "t"))
            }
        }
        return out
    }

    /// Intervals for every column of summary.csv over the given replications.
    public static func rows(_ summaries: [ReplicationSummary], confidence: Double = 0.95) -> [Row] {
        rows(columns: ReplicationSummary.columns, values: summaries.map { $0.values.map(\.1) }, confidence: confidence)
    }

    /// The CSV header, with `prefix` columns (e.g. a sweep's grid parameters) first.
    public static func header(prefix: [String] = []) -> String {
        (prefix + columns).joined(separator: ",") + "\n"
    }

    /// The CSV lines of `rows`, each starting with the `prefix` fields (already CSV-formatted).
    public static func csv(_ rows: [Row], prefix: [String] = []) -> String {
        var out = ""
        for r in rows {
            let fields = prefix + [r.metric, String(r.replications), CSVFormat.decimal(r.interval.estimate),
                                   CSVFormat.decimal(r.interval.lower), CSVFormat.decimal(r.interval.upper), r.method]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }
}
