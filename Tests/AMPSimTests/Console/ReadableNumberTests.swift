import Testing
@testable import AMPSim

/// Every rule of the console's number format, as exact strings.
@Suite struct ReadableNumberTests {
    @Test func fourSignificantDigitsBelowTenThousand() {
        #expect(ReadableNumber.value(0.6995) == "0.6995")
        #expect(ReadableNumber.value(0.7) == "0.7000")
        #expect(ReadableNumber.value(123.45) == "123.5")
        #expect(ReadableNumber.value(1234.56) == "1235")
        #expect(ReadableNumber.value(9.87654) == "9.877")
        #expect(ReadableNumber.value(1) == "1.000")
        #expect(ReadableNumber.value(-0.012345) == "-0.01235")
        #expect(ReadableNumber.value(0.0000012345) == "0.000001")  // at most 6 decimals
    }

    @Test func largeNumbersGetAScaleAndThreeSignificantDigits() {
        #expect(ReadableNumber.value(5_678_654.31888) == "5.68 M")
        #expect(ReadableNumber.value(12_345) == "12.3 k")
        #expect(ReadableNumber.value(999_400) == "999 k")
        #expect(ReadableNumber.value(568_000_000) == "568 M")
        #expect(ReadableNumber.value(2.5e9) == "2.50 G")
        #expect(ReadableNumber.value(3e13) == "30.0 T")
        #expect(ReadableNumber.value(-45_000) == "-45.0 k")
    }

    @Test func anEstimateAndItsIntervalShareDecimals() {
        let (estimate, bounds) = ReadableNumber.interval(Interval(estimate: 0.6995, lower: 0.69, upper: 0.708))
        #expect(estimate == "0.6995" && bounds == "[0.6900, 0.7080]")
        #expect(ReadableNumber.withInterval(Interval(estimate: 0.6995, lower: 0.69, upper: 0.708)) == "0.6995 [0.6900, 0.7080]")
        // The largest of the three decides: here the upper bound's 4 digits.
        #expect(ReadableNumber.withInterval(Interval(estimate: 8.5, lower: 7.25, upper: 10.5)) == "8.50 [7.25, 10.50]")
        #expect(ReadableNumber.withInterval(Interval(estimate: 5_678_654, lower: 5_120_000, upper: 6_200_000)) == "5.68 M [5.12 M, 6.20 M]")
    }

    @Test func missingValuesAndIntervalsAreADash() {
        #expect(ReadableNumber.value(.nan) == "—")
        #expect(ReadableNumber.value(.infinity) == "—")
        #expect(ReadableNumber.interval(Interval(estimate: 7, lower: .nan, upper: .nan)) == ("7.000", "—"))
        #expect(ReadableNumber.withInterval(Interval(estimate: 7, lower: .nan, upper: .nan)) == "7.000")
        #expect(ReadableNumber.withInterval(Interval(estimate: .nan, lower: .nan, upper: .nan)) == "—")
    }

    @Test func zeroHasNoSignAndNoScale() {
        #expect(ReadableNumber.value(0) == "0")
        #expect(ReadableNumber.value(-0.0) == "0")
        #expect(ReadableNumber.withInterval(Interval(estimate: 0, lower: 0, upper: 0.0012)) == "0.000000 [0.000000, 0.001200]")
        #expect(ReadableNumber.withInterval(Interval(estimate: -0.00001, lower: -0.5, upper: 0.5)) == "0.0000 [-0.5000, 0.5000]")
        #expect(ReadableNumber.withInterval(Interval(estimate: 0, lower: 0, upper: 0)) == "0 [0, 0]")
        #expect(ReadableNumber.format(0, ReadableNumber.Style(decimals: 2, scale: 1e6, suffix: " M")) == "0")
    }

    @Test func differencesCarryTheirSign() {
        #expect(ReadableNumber.value(0.0123, signed: true) == "+0.01230")
        #expect(ReadableNumber.value(-0.0123, signed: true) == "-0.01230")
        #expect(ReadableNumber.value(0, signed: true) == "0")
        #expect(ReadableNumber.withInterval(Interval(estimate: 0.012, lower: -0.003, upper: 0.027), signed: true) == "+0.01200 [-0.00300, +0.02700]")
        #expect(ReadableNumber.value(0.000_000_1, signed: true) == "0.000000")
    }

    @Test func countsAndPlurals() {
        #expect(ReadableNumber.count(0) == "0")
        #expect(ReadableNumber.count(999) == "999")
        #expect(ReadableNumber.count(2000) == "2,000")
        #expect(ReadableNumber.count(-1_234_567) == "-1,234,567")
        #expect(ReadableNumber.plural(1, "replication") == "1 replication")
        #expect(ReadableNumber.plural(2, "replication") == "2 replications")
        #expect(ReadableNumber.plural(0, "run") == "0 runs")
        #expect(ReadableNumber.plural(2000, "payment") == "2,000 payments")
        #expect(ReadableNumber.plural(1, "entry", "entries") == "1 entry")
        #expect(ReadableNumber.plural(3, "entry", "entries") == "3 entries")
    }

    @Test func durations() {
        #expect(ReadableNumber.seconds(0.4234) == "0.42 s")
        #expect(ReadableNumber.seconds(12.34) == "12.3 s")
        #expect(ReadableNumber.seconds(125) == "2 min 05 s")
        #expect(ReadableNumber.seconds(3720) == "1 h 02 min")
        #expect(ReadableNumber.seconds(.nan) == "—")
    }
}
