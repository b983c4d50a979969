import Testing
@testable import AMPSim

@Suite struct ClnPresplitStrategyTests {
    @Test func presplitCountsSumsAndFuzz() {
        let random = RandomStream(seed: 7)
        // No fuzz: seven equal parts of 10,000 sat.
        #expect(ClnPresplitStrategy.presplit(total: 70_000_000, targetMsat: 10_000_000, fuzz: 0, maxParts: 100, random: random)
                == Array(repeating: 10_000_000, count: 7))
        // The slot budget caps the count; an amount at most one part stays whole.
        #expect(ClnPresplitStrategy.presplit(total: 70_000_000, targetMsat: 10_000_000, fuzz: 0, maxParts: 4, random: random)
                == Array(repeating: 17_500_000, count: 4))
        #expect(ClnPresplitStrategy.presplit(total: 10_000_000, targetMsat: 10_000_000, fuzz: 0.25, maxParts: 100, random: random) == [10_000_000])
        for _ in 0..<200 {
            let parts = ClnPresplitStrategy.presplit(total: 123_456_789, targetMsat: 10_000_000, fuzz: 0.25, maxParts: 100, random: random)
            #expect(parts.count == 13 && parts.reduce(0, +) == 123_456_789)
            // Weights within 1 ± 0.25, scaled: every part within 0.75/1.25 and 1.25/0.75 of the mean.
            let mean = 123_456_789.0 / 13
            #expect(parts.allSatisfy { Double($0) >= mean * 0.6 - 13 && Double($0) <= mean / 0.6 + 13 })
        }
    }

    /// The sender has two channels of 6 slots each: at most a third of its 12 free slots, 4 parts.
    @Test func presplitRespectsTheSlotBudgetThenSplitsWhatFails() throws {
        let policy = "{fee_base_msat: 0, fee_rate_ppm: 0, htlc_minimum_msat: 0, reserve_share: 0, max_accepted_htlcs: 6}"
        let out = try SimulationHarness.trace(try SimulationHarness.scenario(TwoPaths.yaml(strategy: "cln-presplit", policy: policy)))
        let first = out.attempts.filter { $0.startMs == 0 }
        #expect(first.count == 4 && first.map(\.amountMsat).reduce(0, +) == 70_000_000)
        #expect(first.allSatisfy { abs(Double($0.amountMsat) - 17_500_000) <= 17_500_000 * 0.25 / 0.75 + 1 })
        let r = out.records[0]
        #expect(r.success && out.violation == nil)
        // Later parts come from splitting failed ones: every amount conserves the payment.
        #expect(out.attempts.filter(\.settled).map(\.amountMsat).reduce(0, +) == 70_000_000)
    }

    @Test func splitStaysWithinItsFuzzAndFloor() {
        let params = ClnPresplitParams(partSat: 10_000, fuzz: 0.25, slotShare: 1.0 / 3, minPartSat: 100, splitFuzz: 0.1)
        let s = ClnPresplitStrategy(params)
        let random = RandomStream(seed: 3)
        for _ in 0..<200 {
            let (a, b) = s.split(1_000_000, random: random)!
            #expect(a + b == 1_000_000 && a >= 450_000 && a <= 550_000)
        }
        // 150 sat cannot be split into two parts of at least 100 sat.
        #expect(s.split(150_000, random: random) == nil)
    }
}
