/// One part a strategy wants sent.
public struct PartRequest: Sendable, Equatable {
    public var amountMsat: Int64
    /// Depth in a halving tree (0: the whole payment).
    public var depth: Int
    /// ZmnSCPxj's child index: splitting (index, depth) gives (index, depth+1) and (index + 2^depth, depth+1).
    public var treeIndex: UInt32
    /// AMP only: the share this part carries when the strategy splits shares itself (halving);
    /// nil: the session's lnd-style sharer assigns one.
    public var share: Bytes32?
    /// Set by the session when the part is first launched (-1 before). A strategy that retries a part
    /// on a new route hands the same request back, so every attempt of one part carries one id.
    public var partID: Int32 = -1

    public init(amountMsat: Int64, depth: Int = 0, treeIndex: UInt32 = 0, share: Bytes32? = nil) {
        self.amountMsat = amountMsat
        self.depth = depth
        self.treeIndex = treeIndex
        self.share = share
    }
}

/// What a strategy sees of its payment: only what a real sender knows.
public struct SessionView {
    public var totalMsat: Int64
    /// Neither in flight nor delivered.
    public var unassignedMsat: Int64
    public var inFlightParts: Int
    public var inFlightMsat: Int64
    public var deliveredMsat: Int64
    public var now: Int64
    public var paymentProtocol: PaymentProtocol
    /// AMP: the payment's root seed (the share of a part that carries the whole amount).
    public var ampRoot: Bytes32?
}

/// A strategy's answer to "what now?".
public enum SplitDecision: Equatable {
    /// Route and send this part (its amount is at most the unassigned amount).
    case send(PartRequest)
    /// Nothing to send until an outcome arrives.
    case wait
    /// Stop trying; the payment fails once its parts in flight are resolved.
    case giveUp
}

/// How a sender cuts a payment into parts and reacts to what happens to them.
///
/// The session asks `next` until it answers `.wait` or `.giveUp`; when a requested part finds no route
/// it calls `noRoute` and asks again; when a part comes back it calls `failed` or `delivered`.
/// Guarantees expected of an implementation: it never asks for more than the unassigned amount, and
/// it sees nothing but its `SessionView` and the outcomes reported to it (no other node's balance).
public protocol SplitStrategy {
    mutating func next(_ view: SessionView, random: RandomStream) -> SplitDecision
    mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream)
    mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream)
    mutating func delivered(_ part: PartRequest, _ view: SessionView)
}

extension SplitStrategy {
    public mutating func delivered(_ part: PartRequest, _ view: SessionView) {}
}
