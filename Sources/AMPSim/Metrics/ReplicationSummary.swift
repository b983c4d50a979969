/// The headline figures of one replication (one row of summary.csv).
///
/// Guarantees: success rates by count and by volume are over all payments; fee figures are over
/// successful payments (empty when none succeeded); latency (start to last outcome known) over
/// successful payments, and the time to give up (`gave_up_ms_*`) over failed ones, each empty when there
/// are none; every other figure over all payments; HTLC-slot figures from
/// the network's exact time integrals. The oracle figures (`feasible_*`, `success_rate_feasible`,
/// `volume_success_rate_feasible`, `succeeded_infeasible`) are over the payments the oracle judged
/// (empty when `output.oracle` is off); "feasible" means multi-path feasible (the max flow reached
/// the amount) unless the name says single path.
public struct ReplicationSummary: Sendable {
    /// The configuration this replication ran (the row's first columns).
    public var label: RunLabel
    /// `columns` and their values (NaN: not applicable, an empty field).
    public var values: [(String, Double)]

    public static let columns = [
        "replication", "payments", "successful_payments", "success_rate", "volume_success_rate", "fee_msat_mean", "fee_msat_median", "fee_msat_p95",
        "fee_ppm_mean", "fee_ppm_median", "fee_ppm_p95", "attempts_mean", "parts_mean", "htlcs_per_payment",
        "latency_ms_mean", "latency_ms_p50", "latency_ms_p95", "latency_ms_p99",
        "gave_up_ms_mean", "gave_up_ms_p50", "gave_up_ms_p95", "peak_htlcs_in_flight",
        "max_channel_peak_slots", "slot_seconds_per_payment", "slots_exhausted_payments", "locked_msat_seconds_per_payment",
        "partial_loss_msat_total", "partial_loss_payments", "linkable_parts_mean", "linked_payment_share",
        "path_searches", "events",
        "feasible_payments", "feasible_single_path_share", "feasible_multi_path_share", "success_rate_feasible",
        "volume_success_rate_feasible", "succeeded_infeasible",
        "parts_needed_mean", "spares_failed_back_mean", "overpayment_at_risk_msat_total", "overpaid_msat_total",
    ]

    /// The numeric columns of summary.csv, after the label's (`RunLabel.columns`).
    public init(replication: Int, records: [PaymentRecord], network: NetworkState, pathSearches: Int, events: Int,
                label: RunLabel = RunLabel(scenario: "", paymentProtocol: "", strategy: "")) {
        self.label = label
        let n = Double(records.count)
        let ok = records.filter(\.success)
        let fees = ok.map { Double($0.feeMsat) }.sorted()
        let ppm = ok.map { Double($0.feeMsat) * 1e6 / Double($0.amountMsat) }.sorted()
        let latency = ok.map { Double($0.latency) / 1000 }.sorted()
        let gaveUp = records.compactMap { $0.success ? nil : $0.gaveUpDelay.map { Double($0) / 1000 } }.sorted()
        // Sums of amounts in Double: five payments of 21 million BTC already pass Int64.max msat.
        let volume = records.reduce(0.0) { $0 + Double($1.amountMsat) }
        let volumeOK = ok.reduce(0.0) { $0 + Double($1.amountMsat) }
        let multi = records.filter { $0.parts > 1 }
        func mean(_ f: (PaymentRecord) -> Double) -> Double { records.isEmpty ? .nan : records.reduce(0) { $0 + f($1) } / n }
        let base: [(String, Double)] = [
            ("replication", Double(replication)),
            ("payments", n),
            ("successful_payments", Double(ok.count)),
            ("success_rate", n == 0 ? .nan : Double(ok.count) / n),
            ("volume_success_rate", volume == 0 ? .nan : volumeOK / volume),
            ("fee_msat_mean", Statistics.mean(fees)),
            ("fee_msat_median", Statistics.quantile(sorted: fees, 0.5)),
            ("fee_msat_p95", Statistics.quantile(sorted: fees, 0.95)),
            ("fee_ppm_mean", Statistics.mean(ppm)),
            ("fee_ppm_median", Statistics.quantile(sorted: ppm, 0.5)),
            ("fee_ppm_p95", Statistics.quantile(sorted: ppm, 0.95)),
            ("attempts_mean", mean { Double($0.attempts) }),
            ("parts_mean", mean { Double($0.parts) }),
            ("htlcs_per_payment", mean { Double($0.htlcs) }),
            ("latency_ms_mean", Statistics.mean(latency)),
            ("latency_ms_p50", Statistics.quantile(sorted: latency, 0.5)),
            ("latency_ms_p95", Statistics.quantile(sorted: latency, 0.95)),
            ("latency_ms_p99", Statistics.quantile(sorted: latency, 0.99)),
            ("gave_up_ms_mean", Statistics.mean(gaveUp)),
            ("gave_up_ms_p50", Statistics.quantile(sorted: gaveUp, 0.5)),
            ("gave_up_ms_p95", Statistics.quantile(sorted: gaveUp, 0.95)),
            ("peak_htlcs_in_flight", Double(network.stats.peakHTLCsInFlight)),
            ("max_channel_peak_slots", Double(network.stats.peakSlots.max() ?? 0)),
            ("slot_seconds_per_payment", mean { $0.slotMicros / 1e6 }),
            ("slots_exhausted_payments", Double(records.filter { $0.failure == FailureCause.slotsExhausted.name }.count)),
            ("locked_msat_seconds_per_payment", mean { $0.lockedMsatMicros / 1e6 }),
            ("partial_loss_msat_total", records.reduce(0.0) { $0 + Double($1.partialLossMsat) }),
            ("partial_loss_payments", Double(records.filter { $0.partialLossMsat > 0 }.count)),
            ("linkable_parts_mean", mean { Double($0.linkableParts) }),
            ("linked_payment_share", multi.isEmpty ? .nan : Double(multi.filter { $0.linkableParts > 0 }.count) / Double(multi.count)),
            ("path_searches", Double(pathSearches)),
            ("events", Double(events)),
        ]
        let redundancy: [(String, Double)] = [
            ("parts_needed_mean", mean { Double($0.partsNeeded) }),
            ("spares_failed_back_mean", mean { Double($0.sparesFailedBack) }),
            ("overpayment_at_risk_msat_total", records.reduce(0.0) { $0 + Double($1.overpaymentAtRiskMsat) }),
            ("overpaid_msat_total", records.reduce(0.0) { $0 + Double($1.overpaidMsat) }),
        ]
        values = base + Self.oracleValues(records) + redundancy
    }

    /// The oracle's figures over the payments it judged (NaN when none was judged).
    static func oracleValues(_ records: [PaymentRecord]) -> [(String, Double)] {
        let judged = records.filter { $0.oracle != nil }
        let feasible = judged.filter { $0.oracle!.feasibleMultiPath }
        let n = Double(judged.count)
        let volume = feasible.reduce(0.0) { $0 + Double($1.amountMsat) }
        let volumeOK = feasible.filter(\.success).reduce(0.0) { $0 + Double($1.amountMsat) }
        return [
            ("feasible_payments", judged.isEmpty ? .nan : Double(feasible.count)),
            ("feasible_single_path_share", judged.isEmpty ? .nan : Double(judged.filter { $0.oracle!.feasibleSinglePath }.count) / n),
            ("feasible_multi_path_share", judged.isEmpty ? .nan : Double(feasible.count) / n),
            ("success_rate_feasible", feasible.isEmpty ? .nan : Double(feasible.filter(\.success).count) / Double(feasible.count)),
            ("volume_success_rate_feasible", volume == 0 ? .nan : volumeOK / volume),
            ("succeeded_infeasible", judged.isEmpty ? .nan : Double(judged.filter { $0.success && !$0.oracle!.feasibleMultiPath }.count)),
        ]
    }

    public func value(_ name: String) -> Double { values.first { $0.0 == name }?.1 ?? .nan }

    /// summary.csv's header: the label's columns, then `columns`.
    public static var header: String { (RunLabel.columns + columns).joined(separator: ",") + "\n" }

    /// This replication's line of summary.csv.
    public var row: String {
        (label.fields + values.map { CSVFormat.decimal($0.1) }).joined(separator: ",") + "\n"
    }
}
