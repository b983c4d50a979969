/// Everything that can happen in a run, in one place. The engine orders them; `Simulation` gives
/// them their Lightning meaning.
enum SimulationEvent {
    /// A payment of the workload starts at its sender.
    case paymentArrives(Int32)
    /// Part attempt `attempt`'s HTLC has reached the node that forwards it over hop `hop`.
    case htlcReachesHop(attempt: Int32, hop: Int16)
    /// Part attempt `attempt`'s HTLC has reached the receiver.
    case htlcReachesReceiver(attempt: Int32)
    /// The fulfil or fail of the HTLC on hop `hop` has reached that hop's upstream node.
    case resolutionReachesHop(attempt: Int32, hop: Int16)
    /// A receiver's hold timer: per HTLC (`attempt` >= 0) or per set (`attempt` = -1, `generation`).
    case holdTimerFires(payment: Int32, attempt: Int32, generation: Int32)
    /// The sender's timeout for a payment.
    case paymentDeadline(Int32)
    /// A strategy asked to be consulted again at this time (`SplitDecision.waitUntil`).
    case strategyWakes(Int32)
    /// Stuckless: the sender's key for part attempt `attempt` has reached the receiver, which settles it.
    case keyReleased(attempt: Int32)
}

/// Where a part attempt stands.
enum AttemptStatus: UInt8 {
    case forwarding, held, settling, failing, settled, failed
}

/// One part sent on one route.
struct PartAttempt {
    var payment: Int32
    var request: PartRequest
    /// First index of this attempt's hops in the simulation's hop buffers.
    var hopStart: Int32
    var hopCount: Int16
    var status: AttemptStatus = .forwarding
    var cause: FailureCause?
    /// Hop index whose forwarder refused it (hopCount: the receiver).
    var failingHop: Int16 = -1
    var start: SimTime
    var end: SimTime = -1
    var feeMsat: Int64
    var sentMsat: Int64
    /// AMP: the share and child index the part carries, and its child hash.
    var share: Bytes32 = .zero
    var childIndex: UInt32 = 0
    var childHash: Bytes32 = .zero
    /// Whether `share` came from the session's sharer (folded back on failure).
    var sharedBySharer = false
}

/// A payment in progress at its sender (and its receiver's view of it).
struct PaymentState {
    var spec: PaymentSpecRecord
    var strategy: any SplitStrategy
    var sharer: AMPSharer?
    var setID: Bytes32?
    /// What the sender puts in flight in all: the amount, or the protocol's `PartPlan.outlayMsat`.
    var outlayMsat: Int64 = 0
    /// Parts the receiver needs (the protocol's `PartPlan.needed`; 0: the strategy decides).
    var partsNeeded = 0
    var deadline: SimTime = 0
    /// The earliest strategy wake-up scheduled and not yet passed (.max: none).
    var wakeAt: SimTime = .max
    var inFlight: [Int32] = []
    var inFlightMsat: Int64 = 0
    var deliveredMsat: Int64 = 0
    var feeMsat: Int64 = 0
    var attempts = 0
    /// Distinct parts launched (retries of a part on new routes are attempts, not parts).
    var parts = 0
    var partsSettled = 0
    var htlcs = 0
    var maxPartsInFlight = 0
    var slotMicros: Double = 0
    var lockedMsatMicros: Double = 0
    var sentOnSettled: Int64 = 0
    var lastFailure: FailureCause?
    /// What could have succeeded at arrival (nil: oracle off).
    var oracle: FlowOracle.Result?
    /// The sender could not pay what was left with its spendable balance and nothing was in flight.
    var insufficientLocalBalance = false
    var gaveUp = false
    /// When `gaveUp` was first set (.max: never).
    var stoppedAt: SimTime = .max
    var greedySettled = false
    var finished = false
    // Receiver side
    var held: [Int32] = []
    var heldMsat: Int64 = 0
    var setGeneration: Int32 = 0
    var complete = false
    /// Redundant: parts failed back because the receiver already had its n.
    var sparesFailedBack = 0
    /// Redundant (scheme mpp): spares that reached the receiver after its n, which it could settle.
    var overpaymentAtRiskMsat: Int64 = 0
    /// The forwarding node of every MPP hop added for this payment (for linkability, counted at the end).
    var linkingNodes: [Int32] = []
}
