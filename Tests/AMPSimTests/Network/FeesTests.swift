import Testing
@testable import AMPSim

/// BOLT 7 fees, fee_base_msat + floor(amount_msat · fee_proportional_millionths / 10^6), on both of
/// `Fees.fee`'s paths: the 64-bit one (product below 2^63) and the 128-bit one (product above it).
@Suite struct FeesTests {
    @Test func narrowProductsFollowBoltSeven() {
        // 4,999,999 · 2000 = 9,999,998,000; / 10^6 = 9,999 (remainder 998,000); + 200 = 10,199.
        #expect(Fees.fee(amountMsat: 4_999_999, baseMsat: 200, ratePPM: 2000) == 10_199)
        // 2^61 · 3 = 6,917,529,027,641,081,856 < 2^63 (the fast path); / 10^6 = 6,917,529,027,641 (remainder 81,856).
        #expect(Fees.fee(amountMsat: 1 << 61, baseMsat: 0, ratePPM: 3) == 6_917_529_027_641)
        // No rate or no amount: the base alone.
        #expect(Fees.fee(amountMsat: 1 << 61, baseMsat: 7, ratePPM: 0) == 7)
        #expect(Fees.fee(amountMsat: 0, baseMsat: 7, ratePPM: 3) == 7)
    }

    /// Products above 2^63 take the 128-bit division; its quotient is floored exactly as the 64-bit one.
    @Test func wideProductsAreFlooredExactly() {
        // 2^62 · 3 = 13,835,058,055,282,163,712 > 2^63 - 1 = 9,223,372,036,854,775,807; / 10^6 =
        // 13,835,058,055,282 (remainder 163,712 < 10^6): exactly twice the fee on 2^61 above, which
        // took the other path.
        #expect(Fees.fee(amountMsat: 1 << 62, baseMsat: 0, ratePPM: 3) == 13_835_058_055_282)
        #expect(Fees.fee(amountMsat: 1 << 62, baseMsat: 0, ratePPM: 3) == 2 * Fees.fee(amountMsat: 1 << 61, baseMsat: 0, ratePPM: 3))
        // 2^62 · 2 = 2^63 = 9,223,372,036,854,775,808, one past Int64.max: / 10^6 = 9,223,372,036,854
        // (remainder 775,808), plus a base of 1,000.
        #expect(Fees.fee(amountMsat: 1 << 62, baseMsat: 1000, ratePPM: 2) == 9_223_372_036_854 + 1000)
        // A product whose high word is not 0: 2 · 10^18 · 10^6 = 2 · 10^24 = 108,420 · 2^64 + ...;
        // / 10^6 = 2 · 10^18 exactly (remainder 0), below the saturation at Int64.max / 4 ≈ 2.306 · 10^18.
        #expect(Fees.fee(amountMsat: 2_000_000_000_000_000_000, baseMsat: 0, ratePPM: 1_000_000) == 2_000_000_000_000_000_000)
        // 999,999 ppm of the same amount: 1,999,998,000,000,000,000 exactly (remainder 0 again).
        #expect(Fees.fee(amountMsat: 2_000_000_000_000_000_000, baseMsat: 0, ratePPM: 999_999) == 1_999_998_000_000_000_000)
    }

    /// Fees that would pass Int64.max / 4 stop there, on either path.
    @Test func absurdFeesSaturate() {
        // 3 · 10^18 · 10^6 / 10^6 = 3 · 10^18 > Int64.max / 4 = 2,305,843,009,213,693,951.
        #expect(Fees.fee(amountMsat: 3_000_000_000_000_000_000, baseMsat: 0, ratePPM: 1_000_000) == Int64.max / 4)
        // High word at or above 500,000 (here Int64.max · Int64.max): saturated without dividing.
        #expect(Fees.fee(amountMsat: .max, baseMsat: 0, ratePPM: .max) == Int64.max / 4)
    }
}
