/// The receiver's AMP invoice: the sets in progress and the set ids already used.
///
/// Guarantees: HTLCs with the same set_id accumulate in one `AMPReceiverSet`; when a set completes
/// it is settled (preimages returned) or, on a hash mismatch, cancelled, and either way its set_id
/// is closed: any later HTLC with that set_id is refused as a duplicate. A set whose HTLCs time out
/// can be cancelled explicitly, which closes its set_id too.
public struct AMPInvoice: Sendable, Hashable {
    /// What receiving one HTLC led to.
    public enum Outcome: Sendable, Hashable {
        /// The HTLC joined its set, which still waits for more.
        case pending(receivedMsat: Int64)
        /// The set completed and verified: one preimage per HTLC, in arrival order.
        case settled(setID: Bytes32, preimages: [Bytes32])
    }

    /// Sets that have HTLCs but have not reached their total.
    public private(set) var openSets: [Bytes32: AMPReceiverSet] = [:]
    /// Set ids settled or cancelled on this invoice.
    public private(set) var closedSetIDs: Set<Bytes32> = []

    /// An invoice that has seen no HTLC.
    public init() {}

    /// True when `setID` was already settled or cancelled here.
    public func isClosed(_ setID: Bytes32) -> Bool { closedSetIDs.contains(setID) }

    /// Takes one HTLC of set `setID` announcing `totalMsat`. Throws `duplicateSetID` for a closed
    /// set id, the set's own refusals, or `hashMismatch` after cancelling the completed set.
    public mutating func receive(
        _ htlc: AMPReceivedHTLC, setID: Bytes32, totalMsat: Int64
    ) throws(AMPReceiverError) -> Outcome {
        guard !closedSetIDs.contains(setID) else { throw .duplicateSetID(setID) }
        guard totalMsat > 0 else { throw .nonPositiveTotal(totalMsat) }
        var set = openSets[setID] ?? AMPReceiverSet(setID: setID, totalMsat: totalMsat)
        try set.add(htlc, totalMsat: totalMsat)
        guard set.isComplete else {
            openSets[setID] = set
            return .pending(receivedMsat: set.receivedMsat)
        }
        openSets[setID] = nil
        closedSetIDs.insert(setID)
        return .settled(setID: setID, preimages: try set.preimages())
    }

    /// Drops `expired` HTLCs (their hold timer fired) from the open set `setID`; the set id stays open,
    /// so the sender may still complete it with new parts. Each listed HTLC removes one equal entry.
    public mutating func expire(_ expired: [AMPReceivedHTLC], from setID: Bytes32) {
        guard let set = openSets[setID] else { return }
        var remaining = set.htlcs
        for htlc in expired {
            if let i = remaining.firstIndex(of: htlc) { remaining.remove(at: i) }
        }
        guard !remaining.isEmpty else { openSets[setID] = nil; return }
        var rebuilt = AMPReceiverSet(setID: setID, totalMsat: set.totalMsat)
        // The kept HTLCs were accepted once with this total and sum to less than it: adding them back cannot fail.
        for htlc in remaining { try? rebuilt.add(htlc, totalMsat: set.totalMsat) }
        openSets[setID] = rebuilt
    }

    /// Cancels the open set `setID` (e.g. its HTLCs timed out) and closes the set id. Returns the
    /// cancelled set, or nil if no such set was open.
    @discardableResult
    public mutating func cancel(setID: Bytes32) -> AMPReceiverSet? {
        guard let set = openSets.removeValue(forKey: setID) else { return nil }
        closedSetIDs.insert(setID)
        return set
    }
}
