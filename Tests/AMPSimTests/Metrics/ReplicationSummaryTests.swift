import Testing
@testable import AMPSim

/// summary.csv and summary_ci.csv from twenty hand-made payment records.
@Suite struct ReplicationSummaryTests {
    /// Payment i (0 ..< 20) takes i + 1 ms; the first 16 succeed with 1,000,000 msat and a fee of
    /// 100 (i + 1) msat; the last 4 fail with 2,000,000 msat (two for lack of slots), their senders
    /// giving up after 10, 12, 14 and 16 ms. Payment 0 held two
    /// HTLCs 3 s and 5 s (1,000 and 2,000 msat) and is the one linked multi-part payment of two.
    static func records() -> [PaymentRecord] {
        (0..<20).map { i in
            let ok = i < 16
            return PaymentRecord(
                paymentID: i, arrival: 1_000_000, end: 1_000_000 + SimTime(i + 1) * 1000, sender: 0, receiver: 1,
                amountMsat: ok ? 1_000_000 : 2_000_000, success: ok, feeMsat: ok ? 100 * Int64(i + 1) : 0,
                attempts: i == 0 ? 3 : 1, parts: i < 2 ? 2 : 1, partsSettled: ok ? 1 : 0, htlcs: 2, maxPartsInFlight: 1,
                slotMicros: i == 0 ? 8_000_000 : 0, lockedMsatMicros: i == 0 ? 13_000e6 : 0,
                partialLossMsat: i == 19 ? 500 : 0, linkableParts: i == 0 ? 2 : 0, invoice: -1, setID: nil,
                failure: ok ? "" : [16: "slots_exhausted", 17: "slots_exhausted", 18: "no_route", 19: "timeout"][i]!,
                gaveUpAt: ok ? nil : 1_000_000 + SimTime(10 + 2 * (i - 16)) * 1000)
        }
    }

    static func summary(_ replication: Int = 0) -> ReplicationSummary {
        ReplicationSummary(replication: replication, records: records(), network: ChannelStatisticsTests.network(), pathSearches: 25, events: 90)
    }

    @Test func everyFigureByHand() {
        let s = Self.summary()
        let expected: [(String, Double)] = [
            ("payments", 20), ("successful_payments", 16), ("success_rate", 0.8),
            ("volume_success_rate", 16.0 / 24), // 16,000,000 of 24,000,000 msat
            // Fees 100 ... 1600 (ppm the same: 1,000,000 msat each); type 7: h = 15 · 0.95 = 14.25 → 1500 + 0.25 · 100.
            ("fee_msat_mean", 850), ("fee_msat_median", 850), ("fee_msat_p95", 1525),
            ("fee_ppm_mean", 850), ("fee_ppm_median", 850), ("fee_ppm_p95", 1525),
            ("attempts_mean", 1.1), ("parts_mean", 1.1), ("htlcs_per_payment", 2),
            // Latencies of the 16 successes, 1 ... 16 ms: p95 at h = 15 · 0.95 = 14.25 → 15.25; p99 at 14.85 → 15.85.
            ("latency_ms_mean", 8.5), ("latency_ms_p50", 8.5), ("latency_ms_p95", 15.25), ("latency_ms_p99", 15.85),
            // The 4 failures gave up after 10, 12, 14, 16 ms: median at h = 1.5 → 13; p95 at h = 2.85 → 14 + 0.85 · 2.
            ("gave_up_ms_mean", 13), ("gave_up_ms_p50", 13), ("gave_up_ms_p95", 15.7),
            ("peak_htlcs_in_flight", 2), ("max_channel_peak_slots", 2),
            ("slot_seconds_per_payment", 0.4), ("slots_exhausted_payments", 2), ("locked_msat_seconds_per_payment", 650),
            ("partial_loss_msat_total", 500), ("partial_loss_payments", 1),
            ("linkable_parts_mean", 0.1), ("linked_payment_share", 0.5), ("path_searches", 25), ("events", 90),
        ]
        #expect(s.values.map(\.0) == ReplicationSummary.columns)
        for (name, value) in expected {
            #expect(abs(s.value(name) - value) < 1e-9, "\(name): \(s.value(name)) != \(value)")
        }
    }

    /// Five payments of 21 million BTC (the documented maximum) pass Int64.max msat together: the
    /// volume and loss totals are sums of Doubles.
    @Test func amountsAtTheBoundAddUp() {
        let records = Self.records().prefix(5).enumerated().map { i, r -> PaymentRecord in
            var r = r
            r.amountMsat = Bounds.maxMsat
            r.success = i < 2
            r.partialLossMsat = i < 2 ? 0 : Bounds.maxMsat
            return r
        }
        let s = ReplicationSummary(replication: 0, records: Array(records), network: ChannelStatisticsTests.network(), pathSearches: 0, events: 0)
        #expect(s.value("volume_success_rate") == 0.4)
        #expect(s.value("partial_loss_msat_total") == 3 * Double(Bounds.maxMsat))
        #expect(s.row.contains(",6300000000000000000,"))
    }

    @Test func notApplicableIsAnEmptyField() {
        let failed = Self.records().map { r -> PaymentRecord in var r = r; r.success = false; return r }
        let s = ReplicationSummary(replication: 0, records: failed, network: ChannelStatisticsTests.network(), pathSearches: 0, events: 0)
        #expect(s.value("fee_msat_mean").isNaN)
        #expect(s.row.contains(",0,0,,,,,,,") && !s.row.contains("nan") && !s.row.contains("NA"))
        // No success: no latency; giving up is over the 4 failures that say when they gave up.
        for name in ["latency_ms_mean", "latency_ms_p50", "latency_ms_p95", "latency_ms_p99"] { #expect(s.value(name).isNaN, "\(name)") }
        #expect(s.value("gave_up_ms_mean") == 13)
        // No failure: no time to give up.
        let ok = ReplicationSummary(replication: 0, records: Array(Self.records().prefix(16)), network: ChannelStatisticsTests.network(),
                                    pathSearches: 0, events: 0)
        for name in ["gave_up_ms_mean", "gave_up_ms_p50", "gave_up_ms_p95"] { #expect(ok.value(name).isNaN, "\(name)") }
        #expect(ok.value("latency_ms_mean") == 8.5)
    }

    /// summary.csv's row starts with the configuration: scenario, protocol, strategy, replication.
    @Test func rowsStartWithTheirConfiguration() {
        let label = RunLabel(scenario: "q-1", paymentProtocol: "amp", strategy: "halving")
        let s = ReplicationSummary(replication: 3, records: Self.records(), network: ChannelStatisticsTests.network(), pathSearches: 25,
                                   events: 90, label: label)
        #expect(ReplicationSummary.header.hasPrefix("scenario,protocol,strategy,replication,payments,"))
        #expect(s.row.hasPrefix("q-1,amp,halving,3,20,16,0.8,"))
        #expect(s.row.split(separator: ",", omittingEmptySubsequences: false).count == ReplicationSummary.header.split(separator: ",").count)
        #expect(ReplicationSummary.header.contains(",latency_ms_p99,gave_up_ms_mean,gave_up_ms_p50,gave_up_ms_p95,peak_htlcs_in_flight,"))
    }

    @Test func summaryIntervalsCoverEveryColumn() {
        let rows = IntervalSummary.rows([Self.summary(0), Self.summary(1)])
        #expect(rows.map(\.metric) == Array(ReplicationSummary.columns.dropFirst()))
        let rate = rows.first { $0.metric == "success_rate" }!
        // Two identical replications: a t interval of zero width, also for the rate.
        #expect(rate.method == "t" && rate.replications == 2 && rate.interval.lower == 0.8 && rate.interval.upper == 0.8)
        // One replication, 16 of 20: Wilson 95%, centre (0.8 + z²/40) / (1 + z²/20), z = 1.959964.
        let single = IntervalSummary.rows([Self.summary(0)]).first { $0.metric == "success_rate" }!
        let z = 1.959963985, n = 20.0, p = 0.8
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        #expect(single.method == "wilson" && single.replications == 1)
        #expect(abs(single.interval.lower - (centre - half)) < 1e-8 && abs(single.interval.upper - (centre + half)) < 1e-8)
        // Identical replications: every t interval has zero width.
        let fee = rows.first { $0.metric == "fee_msat_p95" }!
        #expect(fee.method == "t" && fee.interval.lower == 1525 && fee.interval.upper == 1525)
    }
}
