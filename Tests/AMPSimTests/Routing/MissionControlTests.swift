import Testing
@testable import AMPSim

/// lnd's setLastPairResult rules (routing/missioncontrol_state.go), one by one.
@Suite struct MissionControlTests {
    @Test func resultsAreKeptPerNodePairWithTheirAmounts() {
        var mc = MissionControl()
        mc.record(from: 1, to: 2, success: false, amount: 500, time: 10)
        mc.record(from: 1, to: 3, success: true, amount: 700, time: 20)
        #expect(mc.count == 2)
        #expect(mc.result(from: 1, to: 2)?.failAmt == 500)
        #expect(mc.result(from: 1, to: 2)?.failTime == 10)
        #expect(mc.result(from: 1, to: 3)?.successAmt == 700)
        #expect(mc.result(from: 2, to: 1) == nil)   // directed
    }

    @Test func aSuccessInsideTheFailureRangeMovesTheFailureUp() {
        var mc = MissionControl()
        mc.record(from: 1, to: 2, success: false, amount: 500, time: 0)
        mc.record(from: 1, to: 2, success: true, amount: 600, time: 1)
        #expect(mc.result(from: 1, to: 2)?.failAmt == 601)
        #expect(mc.result(from: 1, to: 2)?.successAmt == 600)
        // A smaller success does not shrink the success range.
        mc.record(from: 1, to: 2, success: true, amount: 100, time: 2)
        #expect(mc.result(from: 1, to: 2)?.successAmt == 600)
    }

    @Test func aFailureInsideTheSuccessRangeMovesTheSuccessDown() {
        var mc = MissionControl()
        mc.record(from: 1, to: 2, success: true, amount: 600, time: 0)
        mc.record(from: 1, to: 2, success: false, amount: 400, time: 1)
        #expect(mc.result(from: 1, to: 2)?.successAmt == 399)
        // An amount-independent failure (unknown_next_peer) clears the success.
        mc.record(from: 1, to: 2, success: false, amount: 0, time: 2)
        #expect(mc.result(from: 1, to: 2)?.successAmt == 0)
        #expect(mc.result(from: 1, to: 2)?.failAmt == 0)
    }

    /// DefaultMinFailureRelaxInterval: a failure for a larger amount within a minute of the last one
    /// is dropped; a smaller one, or a larger one after a minute, replaces it.
    @Test func aLargerFailureWithinAMinuteIsIgnored() {
        var mc = MissionControl()
        mc.record(from: 1, to: 2, success: false, amount: 500, time: 0)
        mc.record(from: 1, to: 2, success: false, amount: 900, time: 59_999_999)
        #expect(mc.result(from: 1, to: 2)?.failAmt == 500)
        #expect(mc.result(from: 1, to: 2)?.failTime == 0)
        mc.record(from: 1, to: 2, success: false, amount: 300, time: 1_000)
        #expect(mc.result(from: 1, to: 2)?.failAmt == 300)
        mc.record(from: 1, to: 2, success: false, amount: 900, time: 61_000_000)
        #expect(mc.result(from: 1, to: 2)?.failAmt == 900)
    }

    @Test func pairsOlderThanTheHorizonAreForgotten() {
        var mc = MissionControl()
        mc.record(from: 1, to: 2, success: false, amount: 500, time: 0)
        mc.record(from: 1, to: 3, success: false, amount: 500, time: 1_000, horizon: 500)
        #expect(mc.result(from: 1, to: 2) == nil)
        #expect(mc.count == 1)
        mc.prune(now: 2_000, horizon: 500)
        #expect(mc.count == 0)
        #expect(mc.results(from: 1) == nil)
    }
}
