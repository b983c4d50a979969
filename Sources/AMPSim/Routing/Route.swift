/// A route a sender chose for one part: the channel directions from sender to receiver and the amount
/// each one carries.
///
/// Guarantees: `amounts[i]` is what travels over `directions[i]`; the last equals the part's amount;
/// each earlier one adds the BOLT 7 fee of the next hop's forwarder; the sender's own first channel
/// adds nothing. `feeMsat = amounts[0] - amounts.last`.
public struct Route: Sendable, Equatable {
    public var directions: [Int32]
    public var amounts: [Int64]
    public var cltvTotal: Int32

    public var hops: Int { directions.count }
    public var feeMsat: Int64 { amounts[0] - amounts[amounts.count - 1] }
    public var deliveredMsat: Int64 { amounts[amounts.count - 1] }

    public init(directions: [Int32], amounts: [Int64], cltvTotal: Int32) {
        self.directions = directions
        self.amounts = amounts
        self.cltvTotal = cltvTotal
    }

    /// Builds the amounts backwards from the receiver for `directions` (BOLT 7).
    public static func build(_ graph: ChannelGraph, directions: [Int32], amountMsat: Int64, finalCLTV: Int32 = 40) -> Route {
        var amounts = [Int64](repeating: amountMsat, count: directions.count)
        var cltv = finalCLTV
        if directions.count > 1 {
            for i in stride(from: directions.count - 2, through: 0, by: -1) {
                let next = Int(directions[i + 1])
                amounts[i] = amounts[i + 1] + Fees.fee(graph, direction: next, amountMsat: amounts[i + 1])
                cltv += graph.cltvDelta[next]
            }
        }
        return Route(directions: directions, amounts: amounts, cltvTotal: cltv)
    }
}
