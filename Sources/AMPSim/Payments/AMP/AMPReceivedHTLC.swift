/// What the receiver learns from one AMP HTLC's onion: its share, child index, payment hash and
/// amount.
///
/// Guarantees: plain data; nothing is checked until its set is complete.
public struct AMPReceivedHTLC: Sendable, Hashable {
    /// The root share this HTLC carries.
    public let share: Bytes32
    /// The child index the sender chose for it.
    public let childIndex: UInt32
    /// The payment hash the HTLC is locked to.
    public let childHash: Bytes32
    /// The amount the HTLC pays the receiver.
    public let amountMsat: Int64

    /// An HTLC with the given fields.
    public init(share: Bytes32, childIndex: UInt32, childHash: Bytes32, amountMsat: Int64) {
        self.share = share
        self.childIndex = childIndex
        self.childHash = childHash
        self.amountMsat = amountMsat
    }
}
