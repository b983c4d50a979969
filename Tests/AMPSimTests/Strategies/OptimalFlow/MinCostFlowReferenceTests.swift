import Foundation
import Testing
@testable import AMPSim

/// The workspace's solver (flat buffers, skipped incoming lists, memoised pieces) against a plain
/// reference on small random networks: every piece of every direction an explicit arc, successive
/// shortest paths by Bellman-Ford over the whole residual network. Both must send the same units at the
/// same least cost; and the strategy's shortcut for directions the payment knows nothing of gives the
/// solver the same input as the full look-up.
@Suite struct MinCostFlowReferenceTests {
    struct Arc { var from: Int; var to: Int; var cap: Int64; var cost: Double; var flow: Int64 = 0 }

    /// Least cost of sending `amount` (or as much as fits) with Bellman-Ford successive shortest paths;
    /// returns (units sent, cost).
    static func reference(nodes: Int, arcs input: [Arc], source: Int, target: Int, amount: Int64) -> (Int64, Double) {
        var arcs = input
        var sent: Int64 = 0
        while sent < amount {
            // Residual arc 2i: arc i forward; 2i + 1: arc i backward.
            var dist = [Double](repeating: .infinity, count: nodes), prev = [Int](repeating: -1, count: nodes)
            dist[source] = 0
            for _ in 0..<nodes {
                var changed = false
                for (i, a) in arcs.enumerated() {
                    if a.flow < a.cap, dist[a.from] + a.cost < dist[a.to] - 1e-15 {
                        dist[a.to] = dist[a.from] + a.cost; prev[a.to] = 2 * i; changed = true
                    }
                    if a.flow > 0, dist[a.to] - a.cost < dist[a.from] - 1e-15 {
                        dist[a.from] = dist[a.to] - a.cost; prev[a.from] = 2 * i + 1; changed = true
                    }
                }
                if !changed { break }
            }
            guard dist[target] < .infinity else { break }
            var delta = amount - sent, v = target
            while v != source {
                let a = arcs[prev[v] / 2]
                delta = min(delta, prev[v] % 2 == 0 ? a.cap - a.flow : a.flow)
                v = prev[v] % 2 == 0 ? a.from : a.to
            }
            v = target
            while v != source {
                let i = prev[v] / 2
                arcs[i].flow += prev[v] % 2 == 0 ? delta : -delta
                v = prev[v] % 2 == 0 ? arcs[i].from : arcs[i].to
            }
            sent += delta
        }
        return (sent, arcs.reduce(0) { $0 + Double($1.flow) * $1.cost })
    }

    @Test(arguments: Array(UInt64(1)...40))
    func sameUnitsAndCostAsBellmanFordReference(seed: UInt64) {
        let random = RandomStream(seed: seed)
        let nodes = 4 + Int(random.uniformInt(below: 5))
        var b = ChannelGraphBuilder()
        for i in 0..<nodes { _ = b.addNode(id: "n\(i)") }
        let channels = nodes + Int(random.uniformInt(below: UInt64(2 * nodes)))
        for c in 0..<channels {
            let x = Int(random.uniformInt(below: UInt64(nodes)))
            var y = Int(random.uniformInt(below: UInt64(nodes - 1)))
            if y >= x { y += 1 }
            _ = b.addChannel(x, y, capacityMsat: 1000, balance1Msat: 0, id: "c\(c)", policy1: DirectionPolicy(), policy2: DirectionPolicy())
        }
        let graph = b.build()
        let segments = 1 + Int(random.uniformInt(below: 5))
        // A belief, cap and fee per direction; some directions unusable.
        var inputs: [FlowArcInput?] = []
        for _ in 0..<graph.directionCount {
            if random.uniform() < 0.15 { inputs.append(nil); continue }
            let upper = random.uniformInt(in: 1, 60), lower = random.uniformInt(in: 0, upper)
            let cap = random.uniform() < 0.3 ? random.uniformInt(in: 0, upper) : upper
            let fee = random.uniform() < 0.5 ? 0 : random.uniform() * 0.05
            inputs.append(FlowArcInput(min: lower, max: upper, cap: cap, feePerUnit: fee))
        }
        var arcs: [Arc] = []
        for d in 0..<graph.directionCount {
            guard let a = inputs[d], a.cap > 0, a.max > 0 else { continue }
            let lin = Linearization(min: a.min, max: a.max, cap: a.cap, segments: segments)
            var start: Int64 = 0
            for (end, slope) in zip(lin.ends, lin.slopes) where end > start {
                arcs.append(Arc(from: graph.source(of: d), to: graph.target(of: d), cap: end - start,
                                cost: slope + a.feePerUnit + FlowWorkspace.hopCost))
                start = end
            }
        }
        let ws = FlowWorkspace(graph: graph, segments: segments)
        // Several solves on one workspace (stamps and memoised pieces carried over), two amounts each.
        for (source, target) in [(0, nodes - 1), (1, 0), (0, nodes - 1)] {
            for amount in [Int64(7), random.uniformInt(in: 1, 150)] {
                let sent = ws.solve(from: source, to: target, amount: amount) { inputs[Int($0)] }
                var cost = 0.0
                for d in 0..<graph.directionCount {
                    let f = ws.flow(on: d)
                    guard f > 0, let a = inputs[d] else { #expect(f == 0); continue }
                    let lin = Linearization(min: a.min, max: a.max, cap: a.cap, segments: segments)
                    #expect(f <= lin.ends.last!)
                    cost += lin.cost(f) + Double(f) * (a.feePerUnit + FlowWorkspace.hopCost)
                }
                let (refSent, refCost) = Self.reference(nodes: nodes, arcs: arcs, source: source, target: target, amount: amount)
                #expect(sent == refSent)
                #expect(abs(cost - refCost) <= 1e-9 * max(1, refCost), "seed \(seed): \(cost) vs \(refCost)")
            }
        }
    }

    /// `arcInput(known: false)` (no look-ups) equals the full look-up for a direction the payment has no
    /// entry for, and `solveRoutes` marks exactly the directions with entries.
    @Test func unknownDirectionShortcutMatchesFullLookup() {
        var b = ChannelGraphBuilder()
        for id in ["s", "a", "t"] { _ = b.addNode(id: id) }
        let p = DirectionPolicy(feeBaseMsat: 1000, feeRatePPM: 250, htlcMaximumMsat: 40_000_000)
        _ = b.addChannel(0, 1, capacityMsat: 90_000_000, balance1Msat: 50_000_000, id: "sa", policy1: p, policy2: p)
        _ = b.addChannel(1, 2, capacityMsat: 70_500_123, balance1Msat: 10_000_000, id: "at", policy1: p, policy2: DirectionPolicy(enabled: false))
        _ = b.addChannel(0, 2, capacityMsat: 999, balance1Msat: 999, id: "st", policy1: p, policy2: p)
        let g = b.build()
        let strategy = OptimalFlowStrategy(OptimalFlowParams(mu: 0.5, segments: 4))
        for d in Int32(0)..<Int32(g.directionCount) {
            for sender in [0, 1] {
                let full = strategy.arcInput(d, own: [:], capUnits: [:], graph: g, sender: sender, amountSat: 1234)
                let quick = strategy.arcInput(d, own: [:], capUnits: [:], graph: g, sender: sender, amountSat: 1234, known: false)
                #expect(full == quick, "direction \(d), sender \(sender)")
            }
        }
        // a → t: [0, 70,500 sat], capped by the htlc maximum at 40,000 sat; fee 0.5 · (250 / 10^6 + 1 / 1234).
        #expect(strategy.arcInput(2, own: [:], capUnits: [:], graph: g, sender: 0, amountSat: 1234, known: false)
                == FlowArcInput(min: 0, max: 70_500, cap: 40_000, feePerUnit: 0.5 * (250.0 / 1e6 + 1.0 / 1234)))
    }
}
