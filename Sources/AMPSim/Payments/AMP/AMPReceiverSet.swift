/// The receiver's collection of HTLCs sharing one AMP set_id, knowing nothing of the network.
///
/// Guarantees: every HTLC in the set carried the same total_msat; the set is complete once the
/// amounts sum to at least that total, and only then can preimages be derived. Derivation rebuilds
/// root = XOR of all shares, derives each HTLC's child preimage from (root, share, index) and
/// checks it hashes to the HTLC's payment hash; the preimages come back in arrival order, or a
/// hash mismatch names the first bad HTLC.
public struct AMPReceiverSet: Sendable, Hashable {
    /// The set id all HTLCs in this set carry.
    public let setID: Bytes32
    /// The total the sender announced in every HTLC of the set.
    public let totalMsat: Int64
    /// The HTLCs received so far, in arrival order.
    public private(set) var htlcs: [AMPReceivedHTLC] = []
    /// The sum of their amounts.
    public private(set) var receivedMsat: Int64 = 0

    /// An empty set for `setID` whose HTLCs must all announce `totalMsat`.
    public init(setID: Bytes32, totalMsat: Int64) {
        precondition(totalMsat > 0, "an AMP set needs a positive total")
        self.setID = setID
        self.totalMsat = totalMsat
    }

    /// True once the received amounts reach the announced total.
    public var isComplete: Bool { receivedMsat >= totalMsat }

    /// Adds an HTLC that announced `totalMsat`; refuses it if the total differs, its amount is not
    /// positive, or the set is already complete.
    public mutating func add(_ htlc: AMPReceivedHTLC, totalMsat announced: Int64) throws(AMPReceiverError) {
        guard announced == totalMsat else {
            throw .totalMismatch(expectedMsat: totalMsat, receivedMsat: announced)
        }
        guard htlc.amountMsat > 0 else { throw .nonPositiveAmount(htlc.amountMsat) }
        guard !isComplete else { throw .setAlreadyComplete }
        htlcs.append(htlc)
        receivedMsat += htlc.amountMsat
    }

    /// The root rebuilt from the shares, or nil before the set is complete.
    public var reconstructedRoot: Bytes32? {
        guard isComplete else { return nil }
        return htlcs.reduce(Bytes32.zero) { $0 ^ $1.share }
    }

    /// The preimage settling each HTLC, in arrival order; throws `incomplete` before the set is
    /// complete and `hashMismatch` if any derived preimage does not match its HTLC's hash.
    public func preimages() throws(AMPReceiverError) -> [Bytes32] {
        guard let root = reconstructedRoot else {
            throw .incomplete(receivedMsat: receivedMsat, totalMsat: totalMsat)
        }
        var result: [Bytes32] = []
        result.reserveCapacity(htlcs.count)
        for (position, htlc) in htlcs.enumerated() {
            let preimage = AMPDerivation.childPreimage(root: root, share: htlc.share, index: htlc.childIndex)
            guard AMPDerivation.childHash(preimage: preimage) == htlc.childHash else {
                throw .hashMismatch(position: position)
            }
            result.append(preimage)
        }
        return result
    }
}
