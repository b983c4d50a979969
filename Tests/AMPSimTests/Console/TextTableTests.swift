import Testing
@testable import AMPSim

/// The console table and the tables built on it (run's summary, bench).
@Suite struct TextTableTests {
    @Test func columnsArePaddedAndAligned() {
        var t = TextTable(header: ["name", "value", "note"], alignments: [.left, .right, .left])
        t.append(["a", "1.000", "x"])
        t.append(["longer", "—"])
        #expect(t.text == "name    value  note\na       1.000  x\nlonger      —  —")
    }

    @Test func runTableUsesReadableLabelsUnitsAndDashes() {
        func row(_ metric: String, _ n: Int, _ e: Double, _ lo: Double, _ hi: Double, _ method: String = "t") -> IntervalSummary.Row {
            IntervalSummary.Row(metric: metric, replications: n, interval: Interval(estimate: e, lower: lo, upper: hi), method: method)
        }
        let text = SummaryTable.table([
            row("success_rate", 5, 0.6995, 0.69, 0.708),
            row("locked_msat_seconds_per_payment", 5, 5_678_654_318.88, 5_120_000_000, 6_200_000_000),
            row("fee_ppm_mean", 1, 812.26, .nan, .nan),
            row("success_rate_feasible", 1, 0.8, 0.49, 0.94, "wilson"),
            row("not_shown", 5, 1, 1, 1),
        ])
        #expect(text == """
            metric                                  mean  95% interval      method
            success rate                          0.6995  [0.6900, 0.7080]  t
            success among feasible                0.8000  [0.4900, 0.9400]  Wilson
            fee, mean (ppm)                        812.3  —                 —
            locked liquidity per payment (sat·s)  5.68 M  [5.12 M, 6.20 M]  t
            """)
    }

    @Test func metricsAreShownInReadableUnits() {
        #expect(MetricDisplay.of("locked_msat_seconds_per_payment") == MetricDisplay("locked_msat_seconds_per_payment", "locked liquidity per payment (sat·s)", scale: 1e-3))
        #expect(MetricDisplay.of("latency_ms_p95").shown(Interval(estimate: 121_000, lower: .nan, upper: .nan)).estimate == 121)
        // A column without an entry keeps its CSV name, unscaled.
        #expect(MetricDisplay.of("new_column") == MetricDisplay("new_column", "new_column", scale: 1))
        // No label names a unit the console does not show.
        #expect(MetricDisplay.known.allSatisfy { !$0.label.contains("msat") && !$0.label.contains("(ms)") })
        // Every summary column in msat or ms has its own entry, shown in sat or s.
        let scaled = ReplicationSummary.columns.filter { $0.contains("msat") || $0.contains("_ms_") }
        #expect(scaled.contains("overpayment_at_risk_msat_total"))
        #expect(scaled.filter { MetricDisplay.of($0).scale != 1e-3 } == [])
    }

    @Test func benchTableShowsReadableFiguresAndDashes() {
        let row = BenchResult(caseID: "A", title: "t", wallSeconds: 2.5512, cpuSeconds: 2.549, payments: 5000, events: 55_648,
                              pathSearches: 9360, peakMemoryBytes: 61_027_123)
        #expect(BenchResult.table([row]) == """
            case  wall s  cpu s  pay/s  events/s  searches/s  peak MB  ratio  load  note
            A      2.551  2.549   1960    21.8 k        3669    58.20      —     —  ok
            """)
    }
}
