/// Why the receiver refused an AMP HTLC or could not settle a set.
///
/// Guarantees: each case names one rule of lnd's AMP receive path; equatable so tests and
/// statistics can compare outcomes.
public enum AMPReceiverError: Error, Sendable, Hashable {
    /// The HTLC's total_msat differs from the one the set was opened with.
    case totalMismatch(expectedMsat: Int64, receivedMsat: Int64)
    /// The set already reached its total; no more HTLCs join it.
    case setAlreadyComplete
    /// The set has not reached its total yet, so no preimage can be derived.
    case incomplete(receivedMsat: Int64, totalMsat: Int64)
    /// The HTLC at `position` (arrival order) does not hash to the preimage derived for it; the
    /// whole set is cancelled.
    case hashMismatch(position: Int)
    /// The set id was already settled or cancelled on this invoice.
    case duplicateSetID(Bytes32)
    /// The HTLC announced a total that is not positive.
    case nonPositiveTotal(Int64)
    /// The HTLC's amount is not positive.
    case nonPositiveAmount(Int64)
}
