import Foundation
import Testing
@testable import AMPSim

@Suite struct HopProbabilityTests {
    func model(_ cost: RoutingCost) throws -> HopProbability {
        var routing = try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing
        routing.cost = cost
        return HopProbability(routing)
    }

    func results(_ r: [MissionControl.PairResult]) -> [MissionControl.PairResult] { r }

    /// lnd's AprioriEstimator, by hand: no history 0.6; a fresh failure at 10 makes the pair 0 for >= 10;
    /// one half-life later the node probability is 0.6 / (1 + 1/2) = 0.4 and the pair 0.4 · 1/2 = 0.2;
    /// below the failed amount the pair is untried (node probability 0.6, the failure not applying).
    @Test func aprioriModel() throws {
        let m = try model(.apriori)
        let halfLife: Int64 = 3_600_000_000
        var failed = MissionControl.PairResult(to: 7)
        failed.failTime = 0; failed.failAmt = 10
        let list = [failed]
        list.withUnsafeBufferPointer { r in
            let none = UnsafeBufferPointer<MissionControl.PairResult>(start: nil, count: 0)
            #expect(m.probability(amount: 10, capacity: 100_000, results: none, pair: nil, now: 0) == 0.6)
            #expect(m.probability(amount: 10, capacity: 100_000, results: r, pair: failed, now: 0) == 0)
            #expect(abs(m.probability(amount: 10, capacity: 100_000, results: r, pair: failed, now: halfLife) - 0.2) < 1e-12)
            #expect(m.probability(amount: 9, capacity: 100_000, results: r, pair: failed, now: 0) == 0.6)
            // Another pair of the same node: only the node probability, 0.6 / (1 + 1) = 0.3 when fresh.
            #expect(abs(m.probability(amount: 10, capacity: 100_000, results: r, pair: nil, now: 0) - 0.3) < 1e-12)
        }
        var succeeded = MissionControl.PairResult(to: 7)
        succeeded.successTime = 0; succeeded.successAmt = 50
        [succeeded].withUnsafeBufferPointer { r in
            #expect(m.probability(amount: 50, capacity: 100_000, results: r, pair: succeeded, now: 0) == 0.95)
            // The node's success counts for its other pairs: (0.6 · 1 + 0.95) / 2 = 0.775.
            #expect(abs(m.probability(amount: 50, capacity: 100_000, results: r, pair: nil, now: 0) - 0.775) < 1e-12)
        }
        // The sender's own channel: 0.95.
        #expect(m.localProbability(pair: nil, now: 0) == 0.95)
    }

    /// lnd's capacityFactor: 1 - 0.5 / (1 + exp(-(x - 0.9999 C) / (0.025 C))); 0 above the capacity.
    @Test func capacityFactor() throws {
        let m = try model(.apriori)
        #expect(m.capacityFactor(amount: 40, capacity: 1000) == 1)
        #expect(m.capacityFactor(amount: 1001, capacity: 1000) == 0)
        let expected = 1 - 0.5 / (1 + exp(-(900 - 999.9) / 25))
        #expect(abs(m.capacityFactor(amount: 900, capacity: 1000) - expected) < 1e-15)
        #expect(abs(expected - 0.990972) < 1e-6)
        #expect(abs(m.capacityFactor(amount: 1000, capacity: 1000) - (1 - 0.5 / (1 + exp(-0.004)))) < 1e-15)
    }

    /// The shortcut that skips the exponential returns exactly what lnd's formula gives, for every
    /// allowed fraction: at 0.9 and x = 0.05 C the formula gives 1 - 8.6·10^-16, not 1 (an earlier
    /// shortcut, x <= 0.05 C for any fraction >= 0.9, returned 1 there).
    @Test func capacityFactorShortcutIsExact() throws {
        var routing = try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing
        for fraction in [0.75, 0.9, 0.93, 0.95, 0.97, 0.9999] {
            routing.capacityFraction = fraction
            let m = HopProbability(routing)
            let capacity: Int64 = 1_000_000_000
            for permille in stride(from: Int64(0), through: 1000, by: 1) {
                let x = capacity / 1000 * permille
                let c = Double(capacity), a = Double(x)
                let formula = 1 - (1 - 0.5) / (1 + exp(-(a - fraction * c) / (0.025 * c)))
                #expect(m.capacityFactor(amount: x, capacity: capacity) == formula, "fraction \(fraction), x = \(permille)/1000 C")
            }
        }
        routing.capacityFraction = 0.9
        #expect(HopProbability(routing).capacityFactor(amount: 50, capacity: 1000) < 1)
    }

    @Test func uniformBalanceModel() throws {
        let m = try model(.pickhardt)
        let none = UnsafeBufferPointer<MissionControl.PairResult>(start: nil, count: 0)
        var failed = MissionControl.PairResult(to: 1)
        failed.failTime = 0; failed.failAmt = 60
        // (C + 1 - x) / (C + 1) with C = 99, x = 50: 0.5; after a failure at 60 (balance < 60): (60 - 50) / 60.
        #expect(m.probability(amount: 50, capacity: 99, results: none, pair: nil, now: 0) == 0.5)
        #expect(abs(m.probability(amount: 50, capacity: 99, results: none, pair: failed, now: 0) - 10.0 / 60) < 1e-12)
        #expect(m.probability(amount: 60, capacity: 99, results: none, pair: failed, now: 0) == 0)
        #expect(m.probability(amount: 100, capacity: 99, results: none, pair: nil, now: 0) == 0)
    }

    /// The uniform-balance model forgets with the half-life T (1 h): a result of age t weighs
    /// w = 2^(-t/T) against the prior. C = 99, x = 50: prior 0.5.
    /// After a failure at 60: conditional (60 - 50) / 60 = 1/6, so (1 - w) · 1/2 + w · 1/6:
    /// t = T (w = 1/2): 1/4 + 1/12 = 1/3; t = 2T (w = 1/4): 3/8 + 1/24 = 5/12.
    /// After a success at 80 (>= 50): (1 - w) · 1/2 + w · 1: t = T: 3/4; t = 2T: 5/8. Above the
    /// success (x = 90, no failure): the prior alone, (99 + 1 - 90) / 100 = 1/10.
    @Test func uniformBalanceModelDecaysWithTheHalfLife() throws {
        let m = try model(.pickhardt)
        let none = UnsafeBufferPointer<MissionControl.PairResult>(start: nil, count: 0)
        let halfLife: Int64 = 3_600_000_000
        var failed = MissionControl.PairResult(to: 1)
        failed.failTime = 0; failed.failAmt = 60
        #expect(abs(m.probability(amount: 50, capacity: 99, results: none, pair: failed, now: halfLife) - 1.0 / 3) < 1e-12)
        #expect(abs(m.probability(amount: 50, capacity: 99, results: none, pair: failed, now: 2 * halfLife) - 5.0 / 12) < 1e-12)
        var succeeded = MissionControl.PairResult(to: 1)
        succeeded.successTime = 0; succeeded.successAmt = 80
        #expect(abs(m.probability(amount: 50, capacity: 99, results: none, pair: succeeded, now: halfLife) - 0.75) < 1e-12)
        #expect(abs(m.probability(amount: 50, capacity: 99, results: none, pair: succeeded, now: 2 * halfLife) - 0.625) < 1e-12)
        #expect(abs(m.probability(amount: 90, capacity: 99, results: none, pair: succeeded, now: 0) - 0.1) < 1e-12)
    }

    /// `cheapest`: a failed pair is 0 for amounts >= the failure during one half-life, then 1 again;
    /// smaller amounts are 1 throughout.
    @Test func cheapestModelBlocksAFailedPairForOneHalfLife() throws {
        let m = try model(.cheapest)
        let none = UnsafeBufferPointer<MissionControl.PairResult>(start: nil, count: 0)
        let halfLife: Int64 = 3_600_000_000
        var failed = MissionControl.PairResult(to: 1)
        failed.failTime = 10; failed.failAmt = 60
        #expect(m.probability(amount: 60, capacity: 99, results: none, pair: failed, now: 10 + halfLife - 1) == 0)
        #expect(m.probability(amount: 60, capacity: 99, results: none, pair: failed, now: 10 + halfLife) == 1)
        #expect(m.probability(amount: 59, capacity: 99, results: none, pair: failed, now: 10) == 1)
        // The sender's own channels are known: 1 whatever their history.
        #expect(m.localProbability(pair: failed, now: 10) == 1)
    }
}
