import Foundation
import Testing
@testable import AMPSim

/// lnd's bimodal estimator with its defaults (scale 300,000 sat, node weight 0.2, decay 7 days), on a
/// channel of c = 1,000,000 sat. Prior P(x) ~ exp(-x/s) + exp((x - c)/s) + 1/c, normalised on [0, c]:
/// values below were integrated by hand from H(x) = -exp(-x/s) + exp((x - c)/s) + x/(c s).
@Suite struct BimodalProbabilityTests {
    func model() throws -> HopProbability {
        var routing = try ScenarioLoader.load(text: "name: r\ngraph: {nodes: 10}").routing
        routing.cost = .bimodal
        return HopProbability(routing)
    }

    let c: Int64 = 1_000_000_000
    let none = UnsafeBufferPointer<MissionControl.PairResult>(start: nil, count: 0)

    @Test func priorIsSymmetricAndFavoursSmallAmounts() throws {
        let m = try model()
        // Symmetric prior: P(X >= c/2) = 1/2 exactly; P(X >= c/10) = 0.845705.
        #expect(abs(m.probability(amount: c / 2, capacity: c, results: none, pair: nil, now: 0) - 0.5) < 1e-12)
        #expect(abs(m.probability(amount: c / 10, capacity: c, results: none, pair: nil, now: 0) - 0.845705) < 1e-6)
        #expect(m.probability(amount: c + 1, capacity: c, results: none, pair: nil, now: 0) == 0)
    }

    /// A fresh failure at 0.6c: P(X >= 0.3c | X < 0.6c) = 0.365343; at or above it 0. A fresh success at
    /// 0.2c: P(X >= 0.5c | X >= 0.2c) = 0.684764; at or below it 1. Seven days later the failure
    /// bound has moved to c - e^-1 · 0.4c.
    @Test func resultsConditionTheDistribution() throws {
        let m = try model()
        var failed = MissionControl.PairResult(to: 1)
        failed.failTime = 0; failed.failAmt = 600_000_000
        #expect(abs(m.probability(amount: 300_000_000, capacity: c, results: none, pair: failed, now: 0) - 0.365343) < 1e-6)
        #expect(m.probability(amount: 600_000_000, capacity: c, results: none, pair: failed, now: 0) == 0)
        var succeeded = MissionControl.PairResult(to: 1)
        succeeded.successTime = 0; succeeded.successAmt = 200_000_000
        #expect(abs(m.probability(amount: 500_000_000, capacity: c, results: none, pair: succeeded, now: 0) - 0.684764) < 1e-6)
        #expect(m.probability(amount: 200_000_000, capacity: c, results: none, pair: succeeded, now: 0) == 1)
        let week: Int64 = 604_800_000_000
        let bound = c - Int64(exp(-1.0) * 400_000_000)
        #expect(m.probability(amount: bound, capacity: c, results: none, pair: failed, now: week) == 0)
        #expect(m.probability(amount: bound - 1_000_000, capacity: c, results: none, pair: failed, now: week) > 0)
    }

    /// Other pairs of the node count with weight 0.2 · exp(-age/decay) when the direct pair has no fresh
    /// result: one fresh failure elsewhere makes 0.5 (direct, at c/2) into 0.5 / 1.2; a success into
    /// (0.5 + 0.2) / 1.2. The sender's own link: 1, or 1 - exp(-age/decay) after a failure.
    @Test func theNodesOtherResultsAndLocalLinks() throws {
        let m = try model()
        var other = MissionControl.PairResult(to: 9)
        other.failTime = 0; other.failAmt = 5
        [other].withUnsafeBufferPointer { r in
            #expect(abs(m.probability(amount: c / 2, capacity: c, results: r, pair: nil, now: 0) - 0.5 / 1.2) < 1e-12)
        }
        var good = MissionControl.PairResult(to: 9)
        good.successTime = 0; good.successAmt = 5
        [good].withUnsafeBufferPointer { r in
            #expect(abs(m.probability(amount: c / 2, capacity: c, results: r, pair: nil, now: 0) - 0.7 / 1.2) < 1e-12)
        }
        #expect(m.localProbability(pair: nil, now: 0) == 1)
        var local = MissionControl.PairResult(to: 2)
        local.failTime = 0; local.failAmt = 0
        #expect(abs(m.localProbability(pair: local, now: 604_800_000_000) - (1 - exp(-1.0))) < 1e-12)
    }
}
