import Foundation
import Testing
@testable import AMPSim

/// `RoutePotential` on a path s(0) - a(1) - b(2) - t(3) and an island x(4) - y(5), computed by hand with
/// apriori 0.6: unit U = -ln 0.95 / 8 (less 10^-9), so a free node weighs 8 units and any other
/// floor(-ln 0.6 / U) = floor(79.67) = 79.
@Suite struct RoutePotentialTests {
    static func graph() -> ChannelGraph {
        var b = ChannelGraphBuilder()
        for id in ["s", "a", "b", "t", "x", "y"] { b.addNode(id: id) }
        let policy = DirectionPolicy(feeBaseMsat: 1000, feeRatePPM: 100)
        for (k, (x, y)) in [(0, 1), (1, 2), (2, 3), (4, 5)].enumerated() {
            b.addChannel(x, y, capacityMsat: 1_000_000_000, balance1Msat: 500_000_000, id: "c\(k)", policy1: policy, policy2: policy)
        }
        return b.build()
    }

    static func potential(free: [Int32]) -> (h: [Double], q: [Double]) {
        let g = graph()
        let e = BackwardEdges(g)
        let p = RoutePotential(nodeCount: g.nodeCount, sources: e.sources, start: e.start, apriori: 0.6)
        p.buildOnFirstAsk = true
        let (h, q) = p.potential(RoutePotential.Key(sender: 0, receiver: 3, free: free))!
        return ((0..<g.nodeCount).map { h[$0] }, (0..<g.nodeCount).map { q[$0] })
    }

    @Test func weightsInUnits() {
        let p = RoutePotential(nodeCount: 1, sources: [], start: [0, 0], apriori: 0.6)
        #expect(p.weight(free: true) == 8)
        #expect(p.weight(free: false) == 79)
    }

    /// r (from t): t 0, b 79, a 158. h (from s): s 0, a 0 (the sender's own hop adds nothing),
    /// b = delta(a) · e^(79U), t = h(b) + delta(b) · e^0, delta = 0.999 · (1/0.6 - 1) per unit attempt cost.
    /// Q (from s): s, a 1, b e^(-79U), t e^(-158U). x, y reach neither end: h infinite, Q ~ 0.
    @Test func potentialOnAPath() {
        let u = RoutePotential.unit
        let delta = PathFinder.delta(attempt: 1, hopBound: 0.6)
        let (h, q) = Self.potential(free: [])
        #expect(abs(delta - 0.999 * (1 / (0.6 * (1 + 1e-9)) - 1)) < 1e-15)
        #expect(h[0] == 0 && h[1] == 0)
        #expect(h[2] == delta * exp(79 * u))
        #expect(h[3] == delta * exp(79 * u) + delta)
        #expect(abs(h[3] - 1.7712) < 1e-4) // about 0.666 · (1.6595 + 1)
        #expect(h[4] == .infinity && h[5] == .infinity)
        #expect(q[0] == 1 && q[1] == 1)
        #expect(q[2] == exp(-79 * u) && q[3] == exp(-158 * u))
        #expect(q[4] < 1e-100 && q[5] < 1e-100)
        // A lower bound on the route s -> a -> b -> t (probability 0.95 · 0.6 · 0.6 = 0.342, so
        // attempt cost / 0.342 = 2.92 per unit attempt cost) from t (label cost 0) and from b (label 1/0.6).
        #expect(h[3] <= 1 / 0.342)
        #expect(1 / 0.6 + h[2] <= 1 / 0.342)
    }

    /// b free: r(b) = 8, so h(b) = delta(a) · e^(8U) and t adds delta(b) = 0.999 · (1/0.95 - 1); Q(t) = e^(-87U).
    @Test func aFreeNodeWeighsLess() {
        let u = RoutePotential.unit
        let delta = PathFinder.delta(attempt: 1, hopBound: 0.6), deltaFree = PathFinder.delta(attempt: 1, hopBound: 0.95)
        let (h, q) = Self.potential(free: [2])
        #expect(h[2] == delta * exp(8 * u))
        #expect(h[3] == delta * exp(8 * u) + deltaFree)
        #expect(q[2] == exp(-79 * u) && q[3] == exp(-87 * u))
    }

    /// The cache returns what a fresh build gives; by default a key is built on a request after a search
    /// for it failed, not before.
    @Test func theCacheAndTheRequestAfterAFailure() {
        let g = Self.graph()
        let e = BackwardEdges(g)
        let p = RoutePotential(nodeCount: g.nodeCount, sources: e.sources, start: e.start, apriori: 0.6)
        let key = RoutePotential.Key(sender: 0, receiver: 3, free: [])
        // Six nodes: below `minNodes`, nothing is ever built.
        p.noteFailure(key)
        #expect(p.potential(key) == nil && p.potential(key) == nil && p.builds == 0)
        p.minNodes = 0
        p.asked.removeAll()
        #expect(p.potential(key) == nil)
        #expect(p.potential(key) == nil)
        #expect(p.potential(key) == nil)
        p.noteFailure(key)
        let (h, _) = p.potential(key)!
        #expect(p.builds == 1)
        #expect(h[3] == Self.potential(free: []).h[3])
        for receiver in [1, 2, 4, 5] {
            p.buildOnFirstAsk = true
            _ = p.potential(RoutePotential.Key(sender: 0, receiver: receiver, free: []))
        }
        #expect(p.builds == 5)
        // Evicted by four others: built again, same values.
        let (h2, _) = p.potential(key)!
        #expect(p.builds == 6)
        #expect(h2[3] == Self.potential(free: []).h[3])
    }
}
