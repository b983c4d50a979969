/// A path of the flow turned into a `Route` the way `PathFinder` builds one: amounts backwards from
/// the receiver (each forwarder's BOLT 7 fee on what it forwards; the sender's own first hop adds
/// nothing), CLTV = final CLTV + the deltas of every hop after the first.
///
/// Guarantees: `route.deliveredMsat` is the amount asked for; `fits` checks every limit a sender knows
/// (htlc minimum and maximum of each hop, what it can spend on its own channel, at most `maxHops` hops,
/// total CLTV at most `PathFinder.maxCLTV`); `largestFitting` is the largest delivered amount up to the
/// one asked for whose amounts stay within the maxima (fees grow with the amount, so it is a bisection).
public enum FlowRoute {
    public static func build(_ directions: [Int32], deliver: Int64, graph: ChannelGraph, finalCLTV: Int32 = 40) -> Route {
        let n = directions.count
        var amounts = [Int64](repeating: deliver, count: n)
        var cltv = finalCLTV
        var i = n - 1
        while i > 0 {
            let d = Int(directions[i])
            amounts[i - 1] = Bounds.adding(amounts[i], Fees.fee(graph, direction: d, amountMsat: amounts[i]))
            cltv += graph.cltvDelta[d]
            i -= 1
        }
        return Route(directions: directions, amounts: amounts, cltvTotal: cltv)
    }

    /// The most each hop may carry: the sender's spendable amount on hop 0, the htlc maximum after it.
    static func maxima(_ directions: [Int32], ownSpendable: Int64, graph: ChannelGraph) -> [Int64] {
        directions.enumerated().map { i, d in i == 0 ? ownSpendable : graph.htlcMaximumMsat[Int(d)] }
    }

    /// Why `route` cannot be sent, or nil when it can.
    public enum Misfit: Equatable {
        case tooManyHops, cltvTooLarge
        case belowMinimum(hop: Int)
        case aboveMaximum(hop: Int)
    }

    public static func misfit(_ route: Route, ownSpendable: Int64, graph: ChannelGraph, maxHops: Int) -> Misfit? {
        if route.hops > maxHops { return .tooManyHops }
        if route.cltvTotal > PathFinder.maxCLTV { return .cltvTooLarge }
        let limits = maxima(route.directions, ownSpendable: ownSpendable, graph: graph)
        for (i, d) in route.directions.enumerated() {
            if route.amounts[i] < graph.htlcMinimumMsat[Int(d)] { return .belowMinimum(hop: i) }
            if route.amounts[i] > limits[i] { return .aboveMaximum(hop: i) }
        }
        return nil
    }

    /// The largest amount ≤ `deliver` the path can deliver within each hop's maximum (0: none).
    public static func largestFitting(_ directions: [Int32], deliver: Int64, ownSpendable: Int64, graph: ChannelGraph,
                                      finalCLTV: Int32 = 40) -> Int64 {
        let limits = maxima(directions, ownSpendable: ownSpendable, graph: graph)
        func fits(_ x: Int64) -> Bool {
            zip(build(directions, deliver: x, graph: graph, finalCLTV: finalCLTV).amounts, limits).allSatisfy { $0 <= $1 }
        }
        if fits(deliver) { return deliver }
        var lo: Int64 = 0, hi = deliver   // fits(lo) (vacuously for 0), !fits(hi)
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if fits(mid) { lo = mid } else { hi = mid }
        }
        return lo
    }
}
