/// The table `ampsim run` prints: each headline figure's mean over the replications with its 95%
/// interval (the rows of summary_ci.csv: Student t over replications, Wilson for a rate of a single
/// replication), in the units of `MetricDisplay`.
///
/// Guarantees: one line per metric of `shown` that summary_ci.csv holds, in that order; numbers follow
/// `ReadableNumber` (an estimate and its interval in one style); a metric without an interval shows
/// "—" as interval and as method; the first line names the scenario, protocol, strategy, payments and
/// replications with their plurals.
public enum SummaryTable {
    public static let shown = [
        "success_rate", "volume_success_rate", "feasible_multi_path_share", "feasible_single_path_share", "success_rate_feasible",
        "succeeded_infeasible", "fee_msat_mean", "fee_ppm_mean", "fee_ppm_p95", "attempts_mean", "parts_mean",
        "htlcs_per_payment", "latency_ms_mean", "latency_ms_p95", "peak_htlcs_in_flight", "max_channel_peak_slots",
        "slot_seconds_per_payment", "slots_exhausted_payments", "locked_msat_seconds_per_payment", "partial_loss_payments",
        "linked_payment_share",
    ]

    public static let header = ["metric", "mean", "95% interval", "method"]

    /// The payments each replication actually ran (a replay file or `duration_s` decides, not
    /// `workload.payments`): "2,000 payments", or the range when replications differ.
    public static func paymentCount(_ summaries: [ReplicationSummary]) -> String {
        let counts = summaries.compactMap { Int(exactly: $0.value("payments")) }
        guard let lo = counts.min(), let hi = counts.max() else { return "0 payments" }
        return lo == hi ? ReadableNumber.plural(lo, "payment") : "\(ReadableNumber.count(lo)) to \(ReadableNumber.count(hi)) payments"
    }

    /// The method column: "t", "Wilson", or "—" without an interval.
    static func method(_ row: IntervalSummary.Row) -> String {
        guard row.interval.lower.isFinite, row.interval.upper.isFinite else { return ReadableNumber.dash }
        return row.method == "wilson" ? "Wilson" : row.method
    }

    public static func render(_ summaries: [ReplicationSummary], scenario: Scenario) -> String {
        let title = "\(scenario.name): \(scenario.payment.protocol.rawValue) / \(scenario.payment.strategy.rawValue), " +
            "\(paymentCount(summaries)) × \(ReadableNumber.plural(scenario.replications, "replication"))"
        return title + "\n" + table(IntervalSummary.rows(summaries))
    }

    /// The metric lines under their header, from summary_ci.csv's rows.
    public static func table(_ intervals: [IntervalSummary.Row]) -> String {
        var table = TextTable(header: header, alignments: [.left, .right, .left, .left])
        for name in shown {
            guard let r = intervals.first(where: { $0.metric == name }) else { continue }
            let display = MetricDisplay.of(name)
            let (estimate, bounds) = ReadableNumber.interval(display.shown(r.interval))
            table.append([display.label, estimate, bounds, method(r)])
        }
        return table.text
    }
}
