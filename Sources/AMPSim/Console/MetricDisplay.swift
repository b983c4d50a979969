/// How a summary.csv metric is shown on the console: a label a person reads, with the unit it is
/// shown in, and the factor from the CSV's unit to that one (msat → sat, ms → s).
///
/// Guarantees: `of(name)` returns an entry for every metric name (a metric without its own entry is
/// shown under its CSV name, unscaled), so a new summary column can never break a table; labels name
/// the shown unit, never the CSV's (locked liquidity in sat·s, not msat·s).
public struct MetricDisplay: Sendable, Equatable {
    public var metric: String
    public var label: String
    /// Multiplies the CSV value to give the shown one.
    public var scale: Double

    public init(_ metric: String, _ label: String, scale: Double = 1) {
        self.metric = metric
        self.label = label
        self.scale = scale
    }

    static let known: [MetricDisplay] = [
        MetricDisplay("payments", "payments"),
        MetricDisplay("successful_payments", "successful payments"),
        MetricDisplay("success_rate", "success rate"),
        MetricDisplay("volume_success_rate", "success rate by amount"),
        MetricDisplay("feasible_multi_path_share", "feasible with several paths (share)"),
        MetricDisplay("feasible_single_path_share", "feasible with one path (share)"),
        MetricDisplay("success_rate_feasible", "success among feasible"),
        MetricDisplay("succeeded_infeasible", "succeeded though judged infeasible"),
        MetricDisplay("fee_msat_mean", "fee, mean (sat)", scale: 1e-3),
        MetricDisplay("fee_msat_median", "fee, median (sat)", scale: 1e-3),
        MetricDisplay("fee_msat_p95", "fee, p95 (sat)", scale: 1e-3),
        MetricDisplay("fee_ppm_mean", "fee, mean (ppm)"),
        MetricDisplay("fee_ppm_median", "fee, median (ppm)"),
        MetricDisplay("fee_ppm_p95", "fee, p95 (ppm)"),
        MetricDisplay("attempts_mean", "attempts per payment"),
        MetricDisplay("parts_mean", "parts per payment"),
        MetricDisplay("htlcs_per_payment", "HTLCs per payment"),
        MetricDisplay("latency_ms_mean", "latency, mean (s)", scale: 1e-3),
        MetricDisplay("latency_ms_p50", "latency, median (s)", scale: 1e-3),
        MetricDisplay("latency_ms_p95", "latency, p95 (s)", scale: 1e-3),
        MetricDisplay("latency_ms_p99", "latency, p99 (s)", scale: 1e-3),
        MetricDisplay("gave_up_ms_mean", "gave up after, mean (s)", scale: 1e-3),
        MetricDisplay("gave_up_ms_p50", "gave up after, median (s)", scale: 1e-3),
        MetricDisplay("gave_up_ms_p95", "gave up after, p95 (s)", scale: 1e-3),
        MetricDisplay("peak_htlcs_in_flight", "peak HTLCs in flight"),
        MetricDisplay("max_channel_peak_slots", "busiest channel's peak slots"),
        MetricDisplay("slot_seconds_per_payment", "slot·s per payment"),
        MetricDisplay("slots_exhausted_payments", "payments failed for lack of slots"),
        MetricDisplay("locked_msat_seconds_per_payment", "locked liquidity per payment (sat·s)", scale: 1e-3),
        MetricDisplay("partial_loss_msat_total", "partial loss (sat)", scale: 1e-3),
        MetricDisplay("partial_loss_payments", "payments with a partial loss"),
        MetricDisplay("linkable_parts_mean", "linkable parts per payment"),
        MetricDisplay("linked_payment_share", "linkable share of multi-part payments"),
        MetricDisplay("parts_needed_mean", "parts needed per payment"),
        MetricDisplay("spares_failed_back_mean", "spares failed back per payment"),
        MetricDisplay("overpayment_at_risk_msat_total", "overpayment at risk (sat)", scale: 1e-3),
        MetricDisplay("overpaid_msat_total", "overpaid to the receiver (sat)", scale: 1e-3),
    ]

    /// The entry for `metric` (its CSV name, unscaled, when it has none).
    public static func of(_ metric: String) -> MetricDisplay {
        known.first { $0.metric == metric } ?? MetricDisplay(metric, metric)
    }

    /// `interval` in the shown unit.
    public func shown(_ interval: Interval) -> Interval {
        Interval(estimate: interval.estimate * scale, lower: interval.lower * scale, upper: interval.upper * scale)
    }
}
