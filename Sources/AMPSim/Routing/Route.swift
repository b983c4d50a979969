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
}
