/// One replication of a scenario: the graph, the payments, and the event loop that moves HTLCs hop by
/// hop in simulated time.
///
/// Guarantees: deterministic — the outcome depends only on (scenario, graph, replication); every
/// payment of the workload ends exactly once; the network's conservation and slot invariants hold
/// after every event (`invariantViolation` reports the first breach when checking is on); the event
/// queue drains.
public final class Simulation {
    public let scenario: Scenario
    public let graph: ChannelGraph
    public let replication: Int
    var network: NetworkState
    var scheduler = Scheduler<SimulationEvent>(minimumCapacity: 1024)
    let finder: PathFinder
    /// What could have succeeded (nil when `output.oracle` is off).
    let oracle: FlowOracle?
    /// Each sender's own mission control (by node id).
    var memories: [MissionControl]
    /// Which nodes are online (offline for the run, churn).
    var availability: NodeAvailability
    var payments: [PaymentState] = []
    var attempts: [PartAttempt] = []
    var hopDirections: [Int32] = []
    var hopAmounts: [Int64] = []
    var hopAddTime: [SimTime] = []
    var records: [PaymentRecord?] = []
    /// Reused for the in-flight hops handed to each path search.
    var loadBuffer: [(Int32, Int64)] = []
    /// Pair results older than this (20 half-lives: a failure's weight is below 10^-6) are forgotten.
    let memoryHorizon: SimTime
    /// The receivers' AMP invoices: one per reusable invoice (key >= 0) or per payment (key -1 - p).
    var invoices: [Int32: AMPInvoice] = [:]
    let latency: DistributionSampler
    let latencyStream: RandomStream
    let strategyStream: RandomStream
    let holdTimeout: SimTime
    /// The payment protocol's rules, and the two of its answers the hot path reads.
    let rules: any PaymentProtocolRules
    let linksParts: Bool
    let greedyTakesHeld: Bool
    /// When set, the network invariants are checked after every event.
    public var checkInvariants = false
    /// A search that repeats one that found no route in the same `pump`, nothing having changed, is
    /// counted and answered without running it. Tests turn it off to compare.
    var reuseNoRoute = true
    public private(set) var invariantViolation: String?
    public private(set) var eventsProcessed = 0
    var ampSettledBeforeComplete = 0
    /// Whether the strategy reads `SessionView.senderFreeSlots`.
    let strategyUsesSenderSlots: Bool
    /// Whether the strategy routes its own parts (`optimal-flow`); its solver's buffers, made once.
    let strategyChoosesRoutes: Bool
    lazy var flowWorkspace = FlowWorkspace(graph: graph, segments: scenario.payment.optimalFlow.segments)
    /// What each (sender, receiver) pair's last payment learned (`remember: per-destination`), keyed
    /// sender << 32 | receiver.
    var destinationMemory: [Int64: DestinationMemory] = [:]

    /// Refuses, up front and with the field named, what this version cannot simulate yet.
    public static func checkSupported(_ scenario: Scenario) throws {
        var problems: [Diagnostic] = []
        func refuse(_ path: String, _ expected: String, _ found: String) {
            problems.append(Diagnostic(location: "scenario '\(scenario.name)'", path: path, expected: expected, found: found))
        }
        if !problems.isEmpty { throw InputError(problems) }
    }

    /// A simulation of `scenario` on `graph`; throws for what `checkSupported` refuses.
    public init(scenario: Scenario, graph: ChannelGraph, replication: Int) throws {
        try Self.checkSupported(scenario)
        self.scenario = scenario
        self.graph = graph
        self.replication = replication
        network = NetworkState(graph: graph)
        finder = PathFinder(graph: graph, routing: scenario.routing)
        oracle = scenario.output.oracle ? FlowOracle(graph: graph, maxHops: scenario.routing.maxHops) : nil
        memories = [MissionControl](repeating: MissionControl(), count: graph.nodeCount)
        latency = DistributionSampler(scenario.network.hopLatencyMs)
        func stream(_ purpose: StreamPurpose) -> RandomStream {
            RandomStream(kind: scenario.rng, seed: scenario.seed, replication: replication, purpose: purpose)
        }
        latencyStream = stream(.latency)
        availability = NodeAvailability(nodes: graph.nodeCount, spec: scenario.network, offlineStream: stream(.offline),
                                        churnStream: stream(.churn))
        strategyStream = stream(.strategy)
        holdTimeout = Bounds.microseconds(seconds: scenario.receiver.holdTimeoutS)
        memoryHorizon = Bounds.microseconds(seconds: scenario.routing.halfLifeS * 20)
        rules = ProtocolRegistry.make(scenario.payment)
        linksParts = rules.linksParts
        greedyTakesHeld = rules.greedyTakesHeld
        strategyUsesSenderSlots = type(of: StrategyRegistry.make(scenario.payment)).usesSenderSlots
        strategyChoosesRoutes = type(of: StrategyRegistry.make(scenario.payment)).choosesRoutes
    }

    /// Runs the given payments to completion and returns one record per payment, in workload order.
    public func run(_ workload: [PaymentSpecRecord]) -> [PaymentRecord] {
        payments.reserveCapacity(workload.count)
        records = [PaymentRecord?](repeating: nil, count: workload.count)
        for (i, spec) in workload.enumerated() {
            let plan = rules.plan(scenario.payment, amountMsat: spec.amountMsat)
            let strategy: any SplitStrategy = plan.map { RedundantSender($0) } ?? StrategyRegistry.make(scenario.payment)
            payments.append(PaymentState(spec: spec, strategy: strategy))
            payments[i].outlayMsat = plan?.outlayMsat ?? spec.amountMsat
            payments[i].partsNeeded = plan?.needed ?? 0
            scheduler.schedule(.paymentArrives(Int32(i)), at: spec.arrival)
        }
        while let event = scheduler.next() {
            handle(event)
            eventsProcessed += 1
            if checkInvariants, invariantViolation == nil {
                invariantViolation = network.verify() ?? (ampSettledBeforeComplete > 0 ? "an AMP HTLC was settled before its set was whole" : nil)
            }
        }
        network.finish(at: scheduler.now)
        if checkInvariants, invariantViolation == nil, let missing = records.firstIndex(where: { $0 == nil }) {
            invariantViolation = "payment \(missing) never ended"
        }
        return records.map { $0! }
    }

    /// The network state (balances, slots, per-direction statistics) as the run left it.
    public var finalNetwork: NetworkState { network }
    /// Path searches done.
    public var pathSearches: Int { finder.searches }
    /// The simulated time of the last event.
    public var endTime: SimTime { scheduler.now }

    func handle(_ event: SimulationEvent) {
        if scenario.network.churn != nil { availability.advance(to: scheduler.now) }
        switch event {
        case .paymentArrives(let p): startPayment(Int(p))
        case .htlcReachesHop(let a, let hop): forward(Int(a), hop: Int(hop))
        case .htlcReachesReceiver(let a): receive(Int(a))
        case .resolutionReachesHop(let a, let hop): resolve(Int(a), hop: Int(hop))
        case .holdTimerFires(let p, let a, let generation): holdTimerFired(Int(p), attempt: Int(a), generation: generation)
        case .paymentDeadline(let p): deadlinePassed(Int(p))
        case .strategyWakes(let p): strategyWakes(Int(p))
        case .keyReleased(let a): resolveFromReceiver(Int(a), settle: true)
        }
    }

    /// Latency of one message over one hop, in µs.
    func hopDelay() -> SimTime {
        Bounds.int64(latency.sample(latencyStream) * 1000, min: 0, max: Bounds.maxMicroseconds / 1000)
    }
}
