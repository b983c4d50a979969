/// Forwarding fees exactly as BOLT 7 states them.
///
/// Guarantees: `fee = fee_base_msat + floor(amount_msat * fee_proportional_millionths / 1_000_000)`,
/// computed without overflow for any amount below 2^63 msat (the product is taken in 128 bits when it
/// exceeds 64); fees beyond Int64.max / 4 (only absurd policies reach them) saturate there, so a fee is
/// never negative.
public enum Fees {
    @inline(__always) public static func fee(amountMsat: Int64, baseMsat: Int64, ratePPM: Int64) -> Int64 {
        guard amountMsat > 0, ratePPM > 0 else { return baseMsat }
        // Fast path, same result: when the product fits in 63 bits, a 64-bit division by the constant
        // 10^6 (a multiply and shift) replaces the 128-bit division below.
        let (narrow, overflow) = amountMsat.multipliedReportingOverflow(by: ratePPM)
        if !overflow {
            let total = baseMsat.addingReportingOverflow(narrow / 1_000_000)
            return total.overflow ? Int64.max / 4 : min(Int64.max / 4, total.partialValue)
        }
        let product = amountMsat.multipliedFullWidth(by: ratePPM)
        // The quotient fits in 63 bits while the high word is below 10^6 / 2; beyond that the fee is
        // absurd anyway and saturates (routes with such fees are never chosen).
        guard product.high < 500_000 else { return Int64.max / 4 }
        let proportional = Int64(1_000_000).dividingFullWidth(product).quotient
        let total = baseMsat.addingReportingOverflow(proportional)
        return total.overflow ? Int64.max / 4 : min(Int64.max / 4, total.partialValue)
    }

    /// The fee `graph` charges for forwarding `amountMsat` out over `direction`.
    public static func fee(_ graph: ChannelGraph, direction: Int, amountMsat: Int64) -> Int64 {
        fee(amountMsat: amountMsat, baseMsat: graph.feeBaseMsat[direction], ratePPM: graph.feeRatePPM[direction])
    }
}
