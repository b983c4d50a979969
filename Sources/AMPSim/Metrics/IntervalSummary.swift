/// summary_ci.csv: for each metric of summary.csv, its mean over replications and a 95% interval.
///
/// Guarantees: one long-form row per metric, in the order of the input columns (the `replication`
/// column is skipped). Every metric with values from two or more replications gets a Student-t
/// interval over its per-replication values — rates included: each replication has its own graph,
/// balances and payments, so payments are clustered by replication and an interval that pooled them
/// as independent would be too narrow. A proportion (`success_rate`, `success_rate_feasible`) from a
/// single replication gets a Wilson interval on its counts instead (rate × its trials column); a replication whose value is empty (not applicable, e.g.
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

    /// Proportion metrics and the trials column of their Wilson interval (one replication only).
    public static let proportions: [String: String] = [
        "success_rate": "payments",
        "success_rate_feasible": "feasible_payments",
    ]

    /// Intervals for every column of `values` (one inner array per replication, aligned with `columns`).
    public static func rows(columns: [String], values: [[Double]], confidence: Double = 0.95) -> [Row] {
        func column(_ name: String) -> [Double]? {
            columns.firstIndex(of: name).map { i in values.map { $0[i] } }
        }
        var out: [Row] = []
        for (i, name) in columns.enumerated() where name != "replication" {
            let finite = values.map { $0[i] }.filter(\.isFinite)
            if finite.count == 1, let trialsName = proportions[name], let t = column(trialsName),
               let j = values.firstIndex(where: { $0[i].isFinite }), t[j].isFinite {
                let trials = t[j], successes = finite[0] * trials
                var interval = Statistics.wilsonInterval(successes: Int(successes.rounded()), trials: Int(trials.rounded()), confidence: confidence)
                interval.estimate = finite[0]
                out.append(Row(metric: name, replications: 1, interval: interval, method: "wilson"))
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
