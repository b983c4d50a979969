import Testing
@testable import AMPSim

@Suite struct IntervalSummaryTests {
    @Test func meansGetStudentAndRatesGetPooledWilson() {
        let columns = ["replication", "payments", "successful_payments", "success_rate", "fee_msat_mean"]
        let values: [[Double]] = [
            [0, 5, 4, 0.8, 10],
            [1, 5, 4, 0.8, 12],
            [2, 5, 4, 0.8, 14],
            [3, 5, 4, 0.8, 16],
            [4, 5, 4, 0.8, 18],
        ]
        let rows = IntervalSummary.rows(columns: columns, values: values)
        #expect(rows.map(\.metric) == ["payments", "successful_payments", "success_rate", "fee_msat_mean"])
        let rate = rows[2]
        // 20 of 25 pooled: Wilson 95% = [0.6087, 0.9114] (z = 1.959964).
        #expect(rate.method == "wilson" && rate.interval.estimate == 0.8)
        #expect(abs(rate.interval.lower - 0.60867) < 1e-4 && abs(rate.interval.upper - 0.91140) < 1e-4)
        let fee = rows[3]
        let half = 2.776445105 * 10.0.squareRoot() / 5.0.squareRoot()
        #expect(fee.method == "t" && fee.interval.estimate == 14)
        #expect(abs(fee.interval.lower - (14 - half)) < 1e-7 && abs(fee.interval.upper - (14 + half)) < 1e-7)
        // A constant column has a zero-width interval.
        #expect(rows[0].interval.lower == 5 && rows[0].interval.upper == 5)
    }

    @Test func notApplicableValuesAreLeftOutAndCounted() {
        let rows = IntervalSummary.rows(columns: ["replication", "fee_msat_mean"], values: [[0, .nan], [1, 7]])
        #expect(rows[0].replications == 1 && rows[0].interval.estimate == 7 && rows[0].interval.lower.isNaN)
        let csv = IntervalSummary.header(prefix: ["amount_sat"]) + IntervalSummary.csv(rows, prefix: ["1000"])
        #expect(csv == "amount_sat,metric,replications,mean,ci_lower,ci_upper,interval\n1000,fee_msat_mean,1,7,,,t\n")
    }
}
