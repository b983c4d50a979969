/// The rules of one payment protocol as the simulation applies them: what a part carries, how the
/// receiver decides to hold, settle or fail a part, what a forwarder can link, and what a greedy
/// receiver can take when its hold timer fires.
///
/// Guarantees expected of an implementation: it draws randomness only from the run's strategy stream
/// (`sim.strategyStream`), in an order fixed by the events, so outputs stay deterministic; the
/// receiver resolves every part that reaches it exactly once (at once, through `sim.hold` and the hold
/// timer, or a later event it schedules). Adding a protocol: README "Adding a protocol".
protocol PaymentProtocolRules {
    /// Forwarders see the same payment hash on every part: one that carries two parts links them.
    var linksParts: Bool { get }
    /// A greedy receiver settles every part it holds when its hold timer fires (it knows the preimage).
    var greedyTakesHeld: Bool { get }
    /// The parts this protocol sends itself, overriding the strategy's split (nil: the strategy's).
    func plan(_ spec: PaymentSpec, amountMsat: Int64) -> PartPlan?
    /// Sets up payment `p` at its start (AMP: the root seed and the set id).
    func start(_ p: Int, in sim: Simulation)
    /// Fills in what `attempt`, a part of payment `p` about to be launched, carries.
    func prepare(_ attempt: inout PartAttempt, payment p: Int, in sim: Simulation)
    /// Part attempt `a` of payment `p` has reached the receiver: hold, settle or fail it.
    func receive(_ a: Int, payment p: Int, in sim: Simulation)
    /// The hold timer of payment `p` has just failed (or, greedy, settled) these held parts.
    func expired(_ parts: [Int32], payment p: Int, in sim: Simulation)
}

extension PaymentProtocolRules {
    func plan(_ spec: PaymentSpec, amountMsat: Int64) -> PartPlan? { nil }
    func start(_ p: Int, in sim: Simulation) {}
    func prepare(_ attempt: inout PartAttempt, payment p: Int, in sim: Simulation) {}
    func expired(_ parts: [Int32], payment p: Int, in sim: Simulation) {}
}

/// The parts a protocol sends itself: every part's amount and how many of them the receiver needs.
///
/// Guarantees: `sizes` holds at least `needed` amounts, each at least 1 msat.
public struct PartPlan: Sendable, Equatable {
    public var needed: Int
    public var sizes: [Int64]
    /// What the sender puts in flight in all: the sum of `sizes`.
    public var outlayMsat: Int64 { sizes.reduce(0, +) }
}
