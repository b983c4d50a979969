import Testing
@testable import AMPSim

/// The uniform belief's closed forms and renepay's updates.
@Suite struct BalanceBeliefTests {
    /// One channel of capacity c, nothing known: P(a) = (c + 1 − a) / (c + 1).
    static let cases: [(Int64, Double)] = [(0, 1.0), (1, 100.0 / 101), (50, 51.0 / 101), (100, 1.0 / 101), (101, 0.0), (1000, 0.0)]
    @Test(arguments: cases)
    func oneChannel(amount: Int64, expected: Double) {
        let b = BalanceBelief.unknown(capacityMsat: 100)
        #expect(abs(b.probability(amount) - expected) < 1e-15)
    }

    /// [min, max] = [40, 100]: 1 up to 40, then (101 − a) / 61.
    @Test func narrowedBelief() {
        let b = BalanceBelief(minMsat: 40, maxMsat: 100)
        #expect(b.probability(40) == 1)
        #expect(b.probability(41) == 60.0 / 61)
        #expect(b.probability(100) == 1.0 / 61)
        #expect(b.probability(101) == 0)
    }

    /// In flight x shifts the belief: P(f | x) = P(f + x) / P(x) (renepay edge_probability).
    @Test func inFlightShiftsTheBelief() {
        let b = BalanceBelief.unknown(capacityMsat: 100)
        for (f, x) in [(Int64(10), Int64(30)), (1, 99), (70, 30), (71, 30)] {
            #expect(abs(b.probability(f, inFlight: x) - b.probability(f + x) / b.probability(x)) < 1e-12)
        }
        let m = BalanceBelief(minMsat: 40, maxMsat: 100)
        #expect(m.probability(10, inFlight: 30) == 1)               // 40 in all: still below min
        #expect(m.probability(11, inFlight: 30) == 60.0 / 61)
        #expect(m.probability(1, inFlight: 101) == 0)
    }

    @Test func failureAndSuccessNarrowTheRange() {
        var b = BalanceBelief.unknown(capacityMsat: 1000)
        b.cannotSend(600)           // refused 600: balance ≤ 599
        #expect(b == BalanceBelief(minMsat: 0, maxMsat: 599))
        b.canSend(250, capacityMsat: 1000)   // forwarded 250
        #expect(b == BalanceBelief(minMsat: 250, maxMsat: 599))
        b.cannotSend(200)           // contradicts min 250: min restarts at half of 199
        #expect(b == BalanceBelief(minMsat: 99, maxMsat: 199))
        #expect(b.reversed(capacityMsat: 1000) == BalanceBelief(minMsat: 801, maxMsat: 901))
    }

    /// A route s → a → b → d, 3 hops; hop 2 (b → d) refuses with temporary_channel_failure.
    @Test func routeOutcomeUpdatesEveryHopAndTheReverseDirections() throws {
        let graph = FlowTestGraph.make(["s", "a", "b", "d"], [(0, 1, 10_000, 10_000), (1, 2, 10_000, 5_000), (2, 3, 8_000, 5_000)])
        var u = UncertaintyNetwork()
        let other = Route(directions: [0, 2, 4], amounts: [1000, 1000, 1000], cltvTotal: 120)
        let part = Route(directions: [0, 2, 4], amounts: [3000, 3000, 3000], cltvTotal: 120)
        u.commit(other)
        u.commit(part)
        #expect(u.inFlight(4) == 4000)
        u.learn(route: part, failingHop: 2, boltCode: 0x1007, graph: graph)
        u.remove(part)
        // a → b forwarded 4,000 in all; b → d could not take 4,000.
        #expect(u.belief(2, graph: graph) == BalanceBelief(minMsat: 4000, maxMsat: 10_000))
        #expect(u.belief(3, graph: graph) == BalanceBelief(minMsat: 0, maxMsat: 6000))
        #expect(u.belief(4, graph: graph) == BalanceBelief(minMsat: 0, maxMsat: 3999))
        #expect(u.belief(5, graph: graph) == BalanceBelief(minMsat: 4001, maxMsat: 8000))
        #expect(u.belief(0, graph: graph) == .unknown(capacityMsat: 10_000))   // the sender's own hop: not learned
        #expect(u.inFlight(4) == 1000)
        // The other part settles: every hop forwarded it.
        u.learn(route: other, failingHop: nil, boltCode: nil, graph: graph)
        u.remove(other)
        #expect(u.belief(4, graph: graph) == BalanceBelief(minMsat: 1000, maxMsat: 3999))
        #expect(u.inFlight(4) == 0 && u.inFlight(2) == 0)
        // unknown_next_peer at hop 1 disables a → b.
        u.learn(route: part, failingHop: 1, boltCode: 0x400a, graph: graph)
        #expect(u.disabled == [2])
    }

    /// A failure on the sender's own channel (hop 0: no free slot, peer offline) or with a code the
    /// belief cannot learn from disables that direction, so the same flow is not planned again; a
    /// failure from the receiver (failing hop = hop count) disables nothing.
    @Test func unlearnableFailuresDisableTheDirection() throws {
        let graph = FlowTestGraph.make(["s", "a", "d"], [(0, 1, 10_000, 10_000), (1, 2, 10_000, 5_000)])
        var u = UncertaintyNetwork()
        let part = Route(directions: [0, 2], amounts: [3000, 3000], cltvTotal: 80)
        u.learn(route: part, failingHop: 2, boltCode: 23, graph: graph)
        #expect(u.disabled.isEmpty)
        u.learn(route: part, failingHop: 0, boltCode: 0x1007, graph: graph)
        #expect(u.disabled == [0])
        #expect(u.belief(0, graph: graph) == .unknown(capacityMsat: 10_000))
        u.learn(route: part, failingHop: 1, boltCode: 0x4017, graph: graph)
        #expect(u.disabled == [0, 2])
    }

    /// A flow's probability is the product over its channels, parts on one channel taken together:
    /// P(a + b), not P(a) · P(b) (renepay flow_set_probability).
    @Test func flowProbabilityIsTheProductOverItsChannels() {
        let graph = FlowTestGraph.make(["s", "a", "b", "d"], [(0, 1, 1000, 1000), (1, 3, 100, 50), (0, 2, 1000, 1000), (2, 3, 200, 50)])
        let u = UncertaintyNetwork()
        let viaA = Route(directions: [0, 2], amounts: [30, 30], cltvTotal: 80)
        let viaB = Route(directions: [4, 6], amounts: [50, 50], cltvTotal: 80)
        #expect(abs(u.probability(of: [viaA, viaB], graph: graph) - (71.0 / 101) * (151.0 / 201)) < 1e-15)
        let twice = Route(directions: [0, 2], amounts: [20, 20], cltvTotal: 80)
        #expect(abs(u.probability(of: [viaA, twice], graph: graph) - 51.0 / 101) < 1e-15)
    }
}
