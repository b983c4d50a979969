/// One part attempt (one part sent on one route), as written to parts.csv.
///
/// Guarantees: one record per attempt a sender launched; `attempt` counts from 1 the tries of the same
/// part (`partID`) in launch order; `cause` and `failingHop` are nil when the attempt was settled;
/// `failingHop` is the 0-based hop whose forwarder refused it, or `hops` when the receiver failed it;
/// `end` is nil only for an attempt still in flight when the run stopped (never, once the queue drains).
public struct PartRecord: Sendable, Equatable {
    /// What became of an attempt.
    public enum Outcome: String, Sendable {
        case settled, failed, unresolved
    }

    public var paymentID: Int
    public var partID: Int
    public var attempt: Int
    /// What the receiver gets from this part.
    public var amountMsat: Int64
    public var hops: Int
    public var outcome: Outcome
    public var cause: FailureCause?
    public var failingHop: Int?
    public var start: SimTime
    public var end: SimTime?
    /// The fees the route charges (paid only when settled).
    public var feeMsat: Int64
}
