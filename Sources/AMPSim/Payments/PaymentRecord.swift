/// The outcome of one payment, as written to payments.csv.
///
/// Guarantees: written exactly once per payment, when its last part is resolved; `success` means the
/// receiver got the whole amount; `feeMsat` counts only parts that were settled; `partialLossMsat` is
/// what left the sender on a payment that did not succeed (only a greedy MPP receiver causes it).
public struct PaymentRecord: Sendable, Equatable {
    public var paymentID: Int
    public var arrival: SimTime
    public var end: SimTime
    public var sender: Int32
    public var receiver: Int32
    public var amountMsat: Int64
    public var success: Bool
    public var feeMsat: Int64
    public var attempts: Int
    public var parts: Int
    public var partsSettled: Int
    public var htlcs: Int
    public var maxPartsInFlight: Int
    /// HTLC slot time of every hop of every part, in µs (a measure: Double, so 482 parts held 100 years
    /// on 10 hops still add up).
    public var slotMicros: Double
    public var lockedMsatMicros: Double
    public var partialLossMsat: Int64
    public var linkableParts: Int
    public var invoice: Int32
    public var setID: Bytes32?
    /// Empty on success.
    public var failure: String
    /// What could have succeeded at the payment's arrival (nil when `output.oracle` is off).
    public var oracle: FlowOracle.Result? = nil
    /// A failed payment: when its sender gave up — stopped sending (its strategy gave up, it could not
    /// pay, a greedy receiver settled a part), else its deadline, else when its last attempt failed
    /// (`payment.max_attempts`); never after `end`. Nil on success.
    public var gaveUpAt: SimTime? = nil
    /// Parts the receiver needed: n for `redundant`, else the parts launched (`parts`).
    public var partsNeeded = 0
    /// Parts the receiver failed back because it already had its n (`redundant` only).
    public var sparesFailedBack = 0
    /// What the receiver could have taken beyond its n parts: spares that reached it after the claim
    /// under `redundant` with scheme mpp (one hash); 0 otherwise.
    public var overpaymentAtRiskMsat: Int64 = 0
    /// What the receiver got beyond the amount: max(0, settled parts' amounts - amount).
    public var overpaidMsat: Int64 = 0
    /// From start to the sender learning the last outcome (a failed payment's parts held at a receiver
    /// may come back long after the sender gave up).
    public var latency: SimTime { end - arrival }
    /// From start to giving up (failed payments only).
    public var gaveUpDelay: SimTime? { gaveUpAt.map { $0 - arrival } }
}
