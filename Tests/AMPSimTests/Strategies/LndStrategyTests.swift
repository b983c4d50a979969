import Testing
@testable import AMPSim

/// `lnd`'s splitter call by call, as payment_session.go's RequestRoute: each request starts from the
/// whole unassigned amount; "no route" halves it, not below min_shard_sat and not when one more shard
/// would reach max_parts, else the payment gives up.
@Suite struct LndStrategyTests {
    func view(unassigned: Int64, parts: Int) -> SessionView {
        SessionView(totalMsat: 100_000_000, unassignedMsat: unassigned, inFlightParts: parts, inFlightMsat: 100_000_000 - unassigned,
                    deliveredMsat: 0, now: 0, paymentProtocol: .mpp, ampRoot: nil)
    }

    func request(_ s: inout LndStrategy, _ v: SessionView) -> Int64? {
        if case .send(let p) = s.next(v, random: RandomStream(seed: 1)) { return p.amountMsat }
        return nil
    }

    /// 100,000 sat, min shard 10,000 sat: no route for 100,000, 50,000, then 25,000 is launched. The
    /// next request starts again from the 75,000 left (not from the last cap, 25,000); no route halves
    /// it to 37,500 and 18,750; 9,375 would be below the minimum shard: give up.
    @Test func everyRequestStartsFromWhatIsLeftAndHalvesOnNoRoute() {
        var s = LndStrategy(LndSplitParams(maxParts: 16, minShardSat: 10_000, maxShardSat: nil))
        let random = RandomStream(seed: 1)
        var amounts: [Int64?] = []
        amounts.append(request(&s, view(unassigned: 100_000_000, parts: 0)))
        s.noRoute(PartRequest(amountMsat: 100_000_000), view(unassigned: 100_000_000, parts: 0), random: random)
        amounts.append(request(&s, view(unassigned: 100_000_000, parts: 0)))
        s.noRoute(PartRequest(amountMsat: 50_000_000), view(unassigned: 100_000_000, parts: 0), random: random)
        amounts.append(request(&s, view(unassigned: 100_000_000, parts: 0)))
        s.launched(PartRequest(amountMsat: 25_000_000), view(unassigned: 75_000_000, parts: 1))
        amounts.append(request(&s, view(unassigned: 75_000_000, parts: 1)))
        s.noRoute(PartRequest(amountMsat: 75_000_000), view(unassigned: 75_000_000, parts: 1), random: random)
        amounts.append(request(&s, view(unassigned: 75_000_000, parts: 1)))
        s.noRoute(PartRequest(amountMsat: 37_500_000), view(unassigned: 75_000_000, parts: 1), random: random)
        amounts.append(request(&s, view(unassigned: 75_000_000, parts: 1)))
        s.noRoute(PartRequest(amountMsat: 18_750_000), view(unassigned: 75_000_000, parts: 1), random: random)
        #expect(amounts == [100_000_000, 50_000_000, 25_000_000, 75_000_000, 37_500_000, 18_750_000])
        #expect(s.next(view(unassigned: 75_000_000, parts: 1), random: random) == .giveUp)
    }

    /// max_parts 2 with one shard in flight: "no splitting if this is the last shard" — give up at once.
    /// A failed shard also resets the cap: the next request is again the whole unassigned amount.
    @Test func theLastShardIsNotSplitAndAFailureResetsTheCap() {
        let random = RandomStream(seed: 1)
        var last = LndStrategy(LndSplitParams(maxParts: 2, minShardSat: 10_000, maxShardSat: nil))
        last.noRoute(PartRequest(amountMsat: 50_000_000), view(unassigned: 50_000_000, parts: 1), random: random)
        #expect(last.next(view(unassigned: 50_000_000, parts: 1), random: random) == .giveUp)
        var reset = LndStrategy(LndSplitParams(maxParts: 16, minShardSat: 10_000, maxShardSat: nil))
        reset.noRoute(PartRequest(amountMsat: 100_000_000), view(unassigned: 100_000_000, parts: 0), random: random)
        #expect(request(&reset, view(unassigned: 100_000_000, parts: 0)) == 50_000_000)
        reset.failed(PartRequest(amountMsat: 50_000_000), view(unassigned: 100_000_000, parts: 0), random: random)
        #expect(request(&reset, view(unassigned: 100_000_000, parts: 0)) == 100_000_000)
        // max_shard_sat caps every request.
        var capped = LndStrategy(LndSplitParams(maxParts: 16, minShardSat: 10_000, maxShardSat: 30_000))
        #expect(request(&capped, view(unassigned: 100_000_000, parts: 0)) == 30_000_000)
    }
}
