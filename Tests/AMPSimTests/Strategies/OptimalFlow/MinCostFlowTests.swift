import Foundation
import Testing
@testable import AMPSim

/// The linearisation and the min-cost-flow solver against closed forms and brute force.
@Suite struct MinCostFlowTests {
    @Test func linearisationIsExactAtPieceEndsAndAboveBetween() {
        let lin = Linearization(min: 0, max: 100, cap: 100, segments: 4)
        #expect(lin.ends == [0, 25, 50, 75, 100])
        for end in lin.ends {
            #expect(abs(lin.cost(end) - Linearization.exactCost(end, min: 0, max: 100)) < 1e-12)
        }
        for x in Int64(0)...100 { #expect(lin.cost(x) >= Linearization.exactCost(x, min: 0, max: 100) - 1e-12) }
        #expect(zip(lin.slopes, lin.slopes.dropFirst()).allSatisfy { $0 <= $1 })
        // The first slope: ln(101 / 76) / 25.
        #expect(abs(lin.slopes[1] - log(101.0 / 76) / 25) < 1e-15)
        // A certain part [0, 40] costs nothing; the cap cuts the pieces.
        let capped = Linearization(min: 40, max: 100, cap: 70, segments: 2)
        #expect(capped.ends == [40, 70, 70] || capped.ends == [40, 70])
        #expect(capped.cost(40) == 0)
    }

    /// Sender 0 and receiver 1 joined by parallel channels with beliefs [0, b_i] units each; μ = 0.
    func parallel(_ widths: [Int64]) -> ChannelGraph {
        var g = ChannelGraphBuilder()
        g.addNode(id: "s"); g.addNode(id: "t")
        for (i, w) in widths.enumerated() {
            g.addChannel(0, 1, capacityMsat: w, balance1Msat: w, id: "c\(i)", policy1: DirectionPolicy(), policy2: DirectionPolicy())
        }
        return g.build()
    }

    func solve(_ widths: [Int64], amount: Int64, segments: Int) -> [Int64] {
        let graph = parallel(widths)
        let ws = FlowWorkspace(graph: graph, segments: segments)
        let sent = ws.solve(from: 0, to: 1, amount: amount) { d in
            d & 1 == 0 ? FlowArcInput(min: 0, max: widths[Int(d) >> 1], cap: widths[Int(d) >> 1], feePerUnit: 0) : nil
        }
        #expect(sent == amount)
        return widths.indices.map { ws.flow(on: 2 * $0) }
    }

    /// Every split of `amount` over the channels, and the least of `cost` over them.
    func bruteForce(_ widths: [Int64], amount: Int64, cost: ([Int64]) -> Double) -> (split: [Int64], cost: Double) {
        var best: ([Int64], Double) = ([], .infinity)
        func go(_ i: Int, _ left: Int64, _ acc: [Int64]) {
            if i == widths.count - 1 {
                guard left <= widths[i] else { return }
                let s = acc + [left], c = cost(s)
                if c < best.1 - 1e-12 { best = (s, c) }
                return
            }
            for x in 0...min(left, widths[i]) { go(i + 1, left - x, acc + [x]) }
        }
        go(0, amount, [])
        return best
    }

    func exact(_ widths: [Int64], _ split: [Int64]) -> Double {
        zip(split, widths).reduce(0) { $0 + Linearization.exactCost($1.0, min: 0, max: $1.1) }
    }

    /// With a piece per unit, the linearisation is exact at every integer: the solver's split is the
    /// brute-force optimum of −ln P. Widths 9, 19, 39 (c + 1 = 10, 20, 40), 55 units: the optimum leaves
    /// the same 5 units of headroom on each (marginal costs ln((r + 1) / r) equal): 5, 15, 35.
    @Test func twoAndThreeParallelChannelsMatchBruteForceExactly() {
        let three: [Int64] = [9, 19, 39]
        let split3 = solve(three, amount: 55, segments: 39)
        let brute3 = bruteForce(three, amount: 55) { exact(three, $0) }
        #expect(split3 == [5, 15, 35] && brute3.split == [5, 15, 35])
        let two: [Int64] = [9, 29]
        let split2 = solve(two, amount: 24, segments: 29)
        let brute2 = bruteForce(two, amount: 24) { exact(two, $0) }
        // Headroom r equal: 10 − x = 30 − y, x + y = 24: x = 2, y = 22.
        #expect(split2 == [2, 22] && brute2.split == [2, 22])
    }

    /// With 4 pieces, the solver's split is the brute-force optimum of the linearised cost, and its
    /// true −ln P is within the linearisation's error: between the exact optimum and the linearised one.
    static let cases: [([Int64], Int64)] = [([100, 200], 120), ([100, 200, 400], 350), ([100, 200, 400], 77), ([50, 50, 300], 301)]
    @Test(arguments: cases)
    func fourPiecesAreOptimalForTheLinearisedCost(widths: [Int64], amount: Int64) {
        let split = solve(widths, amount: amount, segments: 4)
        let lins = widths.map { Linearization(min: 0, max: $0, cap: $0, segments: 4) }
        func linear(_ s: [Int64]) -> Double { zip(s, lins).reduce(0) { $0 + $1.1.cost($1.0) } }
        let bestLinear = bruteForce(widths, amount: amount, cost: linear)
        let bestExact = bruteForce(widths, amount: amount) { exact(widths, $0) }
        #expect(split.reduce(0, +) == amount)
        #expect(abs(linear(split) - bestLinear.cost) < 1e-9)
        #expect(exact(widths, split) >= bestExact.cost - 1e-12)
        #expect(exact(widths, split) <= bestLinear.cost + 1e-12)
    }

    /// No flow when the channels together cannot carry the amount.
    @Test func infeasibleAmountSendsOnlyWhatFits() {
        let graph = parallel([10, 20])
        let ws = FlowWorkspace(graph: graph, segments: 4)
        let sent = ws.solve(from: 0, to: 1, amount: 31) { d in d & 1 == 0 ? FlowArcInput(min: 0, max: 30, cap: 10 + 10 * Int64(d >> 1), feePerUnit: 0) : nil }
        #expect(sent == 30)
    }

    /// A two-hop network s → a → t and s → b → t: the decomposition gives one path per branch and the
    /// units of the flow; fees (μ > 0) move the flow to the cheaper branch when beliefs are equal.
    @Test func decompositionAndFees() {
        let graph = FlowTestGraph.make(["s", "a", "b", "t"], [(0, 1, 1000, 1000), (1, 3, 1000, 1000), (0, 2, 1000, 1000), (2, 3, 1000, 1000)])
        let ws = FlowWorkspace(graph: graph, segments: 4)
        func input(fee: Double) -> (Int32) -> FlowArcInput? {
            { d in d & 1 == 1 ? nil : FlowArcInput(min: 0, max: 1000, cap: 1000, feePerUnit: d == 6 ? fee : 0) }
        }
        #expect(ws.solve(from: 0, to: 3, amount: 500, input: input(fee: 0)) == 500)
        let even = ws.decompose(from: 0, to: 3)
        #expect(even.map(\.units).sorted() == [250, 250])
        #expect(Set(even.map(\.directions)) == [[0, 2], [4, 6]])
        #expect(ws.solve(from: 0, to: 3, amount: 600, input: input(fee: 1)) == 600)
        let cheap = ws.decompose(from: 0, to: 3)
        #expect(cheap.count == 1 && cheap[0].directions == [0, 2] && cheap[0].units == 600)
    }
}
