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
    /// The route chosen by a strategy that routes its own parts (`choosesRoutes`); nil: the session's
    /// path finder finds one.
    public var route: Route?

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
    /// Free HTLC slots summed over the sender's own channels (what its node knows of itself); filled
    /// in only for strategies whose `usesSenderSlots` is true, else 0.
    public var senderFreeSlots: Int = 0
    /// In `failed` only: why the part failed (nil elsewhere).
    public var failureCause: FailureCause? = nil
    /// Filled in only for strategies whose `choosesRoutes` is true.
    public var context: SenderContext?
}

/// What a sender that routes its own parts knows besides its payment: the public graph (capacities and
/// policies, never balances), its own channels and what it can spend on each now, and the limits every
/// route obeys; plus a reusable solver workspace.
public struct SenderContext {
    public var graph: ChannelGraph
    public var sender: Int
    public var receiver: Int
    /// The sender's own outgoing directions and what it can send over each in one HTLC now (0 when the
    /// peer is offline or no slot is free).
    public var own: [(direction: Int32, spendableMsat: Int64)]
    public var maxHops: Int
    public var finalCLTV: Int32
    public var workspace: FlowWorkspace

    public init(graph: ChannelGraph, sender: Int, receiver: Int, own: [(direction: Int32, spendableMsat: Int64)], maxHops: Int,
                finalCLTV: Int32 = 40, workspace: FlowWorkspace) {
        self.graph = graph
        self.sender = sender
        self.receiver = receiver
        self.own = own
        self.maxHops = maxHops
        self.finalCLTV = finalCLTV
        self.workspace = workspace
    }
}

/// What a sender learned about the way to one destination, carried to its next payment there
/// (`payment.window.remember: per-destination`).
public struct DestinationMemory: Sendable, Equatable {
    public var windowMsat: Int64
    public var partMsat: Int64

    public init(windowMsat: Int64, partMsat: Int64) {
        self.windowMsat = windowMsat
        self.partMsat = partMsat
    }
}

/// A strategy's answer to "what now?".
public enum SplitDecision: Equatable {
    /// Route and send this part (its amount is at most the unassigned amount).
    case send(PartRequest)
    /// Nothing to send until an outcome arrives.
    case wait
    /// Nothing to send until an outcome arrives or simulated time reaches this instant (µs), when the
    /// session asks again.
    case waitUntil(Int64)
    /// Stop trying; the payment fails once its parts in flight are resolved.
    case giveUp
}

/// How a sender cuts a payment into parts and reacts to what happens to them.
///
/// The session asks `next` until it answers `.wait`, `.waitUntil` or `.giveUp`; when a requested part
/// finds no route it calls `noRoute` and asks again; when it finds one, `launched` (the request now
/// carries its part id); when a part comes back it calls `failed` or `delivered`.
/// Guarantees expected of an implementation: it never asks for more than the unassigned amount, and
/// it sees nothing but its `SessionView` and the outcomes reported to it (no other node's balance).
public protocol SplitStrategy {
    mutating func next(_ view: SessionView, random: RandomStream) -> SplitDecision
    mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream)
    mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream)
    mutating func delivered(_ part: PartRequest, _ view: SessionView)
    mutating func launched(_ part: PartRequest, _ view: SessionView)
    /// Whether `SessionView.senderFreeSlots` must be filled in (it costs a pass over the sender's channels).
    static var usesSenderSlots: Bool { get }
    /// What to hand the next payment to the same receiver, when the strategy remembers (nil: nothing).
    func learned() -> DestinationMemory?
    /// Called before the first `next` with what the previous payment to this receiver learned.
    mutating func recall(_ memory: DestinationMemory)
    /// What the strategy will never send again (a redundant sender's dropped parts): left out of the
    /// unassigned amount. Read only for payments whose protocol plans the parts (`PartPlan`).
    var retiredMsat: Int64 { get }
    /// Whether the strategy routes its parts itself (`PartRequest.route`, `SessionView.context`,
    /// `observe`).
    static var choosesRoutes: Bool { get }
    /// For strategies that choose routes: what became of a part, as the sender sees it — before
    /// `failed` / `delivered`. `failingHop` nil: settled; else the hop whose forwarder refused (hop count:
    /// the receiver) and the BOLT 4 failure code.
    mutating func observe(_ part: PartRequest, failingHop: Int?, boltCode: UInt16?, graph: ChannelGraph)
}

extension SplitStrategy {
    public mutating func delivered(_ part: PartRequest, _ view: SessionView) {}
    public mutating func launched(_ part: PartRequest, _ view: SessionView) {}
    public static var usesSenderSlots: Bool { false }
    public func learned() -> DestinationMemory? { nil }
    public mutating func recall(_ memory: DestinationMemory) {}
    public var retiredMsat: Int64 { 0 }
    public static var choosesRoutes: Bool { false }
    public mutating func observe(_ part: PartRequest, failingHop: Int?, boltCode: UInt16?, graph: ChannelGraph) {}
}
