import Testing
@testable import AMPSim

/// Per-direction counters and time integrals of a hand-driven network: every slot, liquidity and
/// limit figure worked out by hand.
@Suite struct ChannelStatisticsTests {
    /// a–b, 20,000 msat, 10,000 on each side; a → b takes 2 HTLCs at once, b → a one.
    static func network() -> NetworkState {
        var b = ChannelGraphBuilder()
        let a = b.addNode(id: "a"), n = b.addNode(id: "b")
        b.addChannel(a, n, capacityMsat: 20_000, balance1Msat: 10_000, id: "7x1x0",
                     policy1: DirectionPolicy(maxAcceptedHTLCs: 2), policy2: DirectionPolicy(maxAcceptedHTLCs: 1))
        var net = NetworkState(graph: b.build())
        // a → b: 1,000 msat held 0 → 3 s, 2,000 msat held 1.5 → 6.5 s (settled); at its 2-slot limit 1.5 → 3 s.
        net.add(0, amount: 1_000, now: 0)
        net.add(0, amount: 2_000, now: 1_500_000)
        net.noteFailure(0, cause: .slotsExhausted)
        net.resolve(0, amount: 1_000, settled: false, now: 3_000_000)
        net.resolve(0, amount: 2_000, settled: true, now: 6_500_000)
        net.noteForward(0, amount: 2_000, fee: 7)
        // b → a: 500 msat from 9 s, still held when the run ends at 10 s (at its 1-slot limit for 1 s).
        net.add(1, amount: 500, now: 9_000_000)
        net.finish(at: 10_000_000)
        return net
    }

    @Test func slotSecondsLimitTimeAndLockedLiquidityByHand() {
        let net = Self.network()
        // Two HTLCs held 3 s and 5 s: 8 slot-seconds; locked 1,000 · 3 + 2,000 · 5 = 13,000 msat·s.
        #expect(net.stats.slotMicroseconds[0] == 8_000_000)
        #expect(net.stats.atLimitMicroseconds[0] == 1_500_000)
        #expect(net.stats.lockedMsatMicroseconds[0] == 13_000 * 1e6)
        #expect(net.stats.peakSlots[0] == 2 && net.stats.peakLockedMsat[0] == 3_000)
        // The run's end closes the open period at the limit.
        #expect(net.stats.atLimitMicroseconds[1] == 1_000_000)
        #expect(net.stats.peakHTLCsInFlight == 2)
    }
}

/// Forwarded amounts and earned fees of one direction saturate at Int64.max instead of trapping.
@Suite struct ChannelTotalsBoundsTests {
    @Test func forwardedAndEarnedTotalsSaturate() {
        var b = ChannelGraphBuilder()
        let a = b.addNode(id: "a"), n = b.addNode(id: "b")
        b.addChannel(a, n, capacityMsat: Bounds.maxMsat, balance1Msat: Bounds.maxMsat, id: "big", policy1: DirectionPolicy(), policy2: DirectionPolicy())
        var net = NetworkState(graph: b.build())
        for _ in 0..<5 { net.noteForward(0, amount: Bounds.maxMsat, fee: Int64.max / 4) }
        #expect(net.stats.forwardedMsat[0] == Int64.max && net.stats.feesEarnedMsat[0] == Int64.max)
        #expect(net.stats.forwardedCount[0] == 5)
    }
}
