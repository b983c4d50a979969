import Testing
@testable import AMPSim

@Suite struct StatisticsTests {
    @Test func meanAndSampleStandardDeviation() {
        let xs: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        #expect(Statistics.mean(xs) == 5)
        // Sum of squared deviations is 32; the sample sd divides by n - 1 = 7.
        #expect(abs(Statistics.standardDeviation(xs) - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(Statistics.mean([]).isNaN)
        #expect(Statistics.standardDeviation([3]) == 0)
    }

    @Test func quantilesInterpolateLinearly() {
        let xs: [Double] = (1...20).map(Double.init)
        // Type 7: h = (n - 1) p = 19 * 0.95 = 18.05 → 19 + 0.05 * (20 - 19) = 19.05.
        #expect(abs(Statistics.quantile(xs, 0.95) - 19.05) < 1e-12)
        #expect(Statistics.quantile(xs, 0.5) == 10.5)
        #expect(Statistics.quantile([5, 1, 3], 0) == 1)
        #expect(Statistics.quantile([5, 1, 3], 1) == 5)
    }

    @Test func tIntervalUsesStudentQuantile() {
        // t(0.975, 4) = 2.776445105 (textbook table).
        #expect(abs(Statistics.tQuantile(0.975, degreesOfFreedom: 4) - 2.776445105) < 1e-8)
        let xs: [Double] = [10, 12, 14, 16, 18] // mean 14, sd sqrt(10)
        let ci = Statistics.tInterval(xs)
        let half = 2.776445105 * 10.0.squareRoot() / 5.0.squareRoot()
        #expect(ci.estimate == 14)
        #expect(abs(ci.lower - (14 - half)) < 1e-7 && abs(ci.upper - (14 + half)) < 1e-7)
        #expect(Statistics.tInterval([1]).lower.isNaN)
    }

    @Test func wilsonIntervalMatchesTextbook() {
        // 8 successes of 10 at 95 %: [0.4902, 0.9433] (Wilson 1927; Newcombe 1998, table I).
        let ci = Statistics.wilsonInterval(successes: 8, trials: 10)
        #expect(abs(ci.lower - 0.4902) < 1e-4 && abs(ci.upper - 0.9433) < 1e-4)
        let none = Statistics.wilsonInterval(successes: 0, trials: 10)
        #expect(none.lower == 0 && abs(none.upper - 0.2775) < 1e-4)
        #expect(Statistics.wilsonInterval(successes: 0, trials: 0).estimate.isNaN)
    }
}
