import Testing
@testable import AMPSim

@Suite struct IntervalSummaryTests {
    /// Several replications: every metric, rates included, gets a t interval over the replications
    /// (payments are clustered by replication; pooling them would be too narrow).
    @Test func severalReplicationsGetStudentForEveryMetric() {
        let columns = ["replication", "payments", "successful_payments", "success_rate", "fee_msat_mean"]
        let values: [[Double]] = [
            [0, 5, 3, 0.6, 10],
            [1, 5, 4, 0.8, 12],
            [2, 5, 5, 1.0, 14],
            [3, 5, 4, 0.8, 16],
            [4, 5, 4, 0.8, 18],
        ]
        let rows = IntervalSummary.rows(columns: columns, values: values)
        #expect(rows.map(\.metric) == ["payments", "successful_payments", "success_rate", "fee_msat_mean"])
        let rate = rows[2]
        // Rates 0.6, 0.8, 1.0, 0.8, 0.8: mean 0.8, s = sqrt(0.08 / 4) = 0.141421; half-width
        // t(0.975, 4) · s / sqrt(5) = 2.776445105 · 0.0632456 = 0.175598 (pooled Wilson would say ±0.15).
        let rateHalf = 2.776445105 * (0.02).squareRoot() / 5.0.squareRoot()
        #expect(rate.method == "t" && abs(rate.interval.estimate - 0.8) < 1e-12)
        #expect(abs(rate.interval.lower - (0.8 - rateHalf)) < 1e-7 && abs(rate.interval.upper - (0.8 + rateHalf)) < 1e-7)
        #expect(abs(rateHalf - 0.175598) < 1e-6)
        let fee = rows[3]
        let half = 2.776445105 * 10.0.squareRoot() / 5.0.squareRoot()
        #expect(fee.method == "t" && fee.interval.estimate == 14)
        #expect(abs(fee.interval.lower - (14 - half)) < 1e-7 && abs(fee.interval.upper - (14 + half)) < 1e-7)
        // A constant column has a zero-width interval.
        #expect(rows[0].interval.lower == 5 && rows[0].interval.upper == 5)
    }

    /// One replication: a rate gets a Wilson interval on its counts. 4 of 5 at 95%: [0.3755, 0.9638]
    /// (z = 1.959964: centre (0.8 + z²/10) / (1 + z²/5) = 0.66966, half-width 0.29413).
    @Test func oneReplicationGetsWilsonForRates() {
        let columns = ["replication", "payments", "success_rate", "feasible_payments", "success_rate_feasible"]
        let rows = IntervalSummary.rows(columns: columns, values: [[0, 5, 0.8, 4, 0.75]])
        let rate = rows[1]
        #expect(rate.method == "wilson" && rate.replications == 1 && rate.interval.estimate == 0.8)
        #expect(abs(rate.interval.lower - 0.37553) < 1e-4 && abs(rate.interval.upper - 0.96379) < 1e-4)
        // Success among feasible payments: 3 of 4, Wilson over the feasible count.
        let feasible = rows[3]
        let w = Statistics.wilsonInterval(successes: 3, trials: 4, confidence: 0.95)
        #expect(feasible.method == "wilson" && feasible.interval.lower == w.lower && feasible.interval.upper == w.upper)
        #expect(rows[0].method == "t" && rows[0].interval.lower.isNaN)
    }

    @Test func notApplicableValuesAreLeftOutAndCounted() {
        let rows = IntervalSummary.rows(columns: ["replication", "fee_msat_mean"], values: [[0, .nan], [1, 7]])
        #expect(rows[0].replications == 1 && rows[0].interval.estimate == 7 && rows[0].interval.lower.isNaN)
        let csv = IntervalSummary.header(prefix: ["amount_sat"]) + IntervalSummary.csv(rows, prefix: ["1000"])
        #expect(csv == "amount_sat,metric,replications,mean,ci_lower,ci_upper,interval\n1000,fee_msat_mean,1,7,,,t\n")
    }
}
