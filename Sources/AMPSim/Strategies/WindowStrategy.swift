/// `window`: congestion-control sizing after TCP and Spider (NSDI 2020). The sender keeps a window —
/// the amount it lets be in flight unacknowledged — and a part size.
///
/// - It starts like TCP's slow start with a window of one part of `initial_part` × amount (or, with
///   `remember: per-destination`, with the window and part size the last payment to this receiver
///   ended with).
/// - Parts of the current size are sent while the unacknowledged amount in flight is below the window,
///   fewer than `max_in_flight_parts` parts are in flight and amount remains; the last part allowed
///   carries everything unassigned, and no part leaves less than `min_part_sat` behind.
/// - An MPP or AMP set settles only when whole, so no part is ever acknowledged on its own: a part
///   in flight for `ack_after_s` with no failure back is taken as having reached the receiver
///   (TCP's acknowledgement by silence). Each acknowledged or delivered part raises the window by
///   `alpha` × its amount (additive increase).
/// - Each failed part cuts the window to `beta` × window and halves the part size (never below
///   `min_part_sat`); its amount is sent again as new parts of the new size.
/// - No route: the part size is halved; below `min_part_sat` the sender gives up (as `halving` and
///   `cln-presplit` do; the payment fails once its parts in flight are back). When the part was the
///   last one `max_in_flight_parts` allows, it waits for an outcome of its parts in flight instead (as
///   lnd does), or gives up when none are.
///
/// Guarantees: the window and part size never drop below `min_part_sat` (or the amount, when smaller);
/// deterministic (no randomness).
public struct WindowStrategy: SplitStrategy {
    struct Flight {
        var partID: Int32
        var amountMsat: Int64
        var launched: Int64
        var acknowledged: Bool
    }

    let params: WindowParams
    let minPartMsat: Int64
    let ackAfter: Int64
    public private(set) var windowMsat: Int64 = 0
    public private(set) var partMsat: Int64 = 0
    var recalled: DestinationMemory?
    var flights: [Flight] = []
    var started = false
    var gaveUp = false
    /// No route for the last part allowed: wait for an outcome before asking for a route again.
    var blocked = false

    public init(_ params: WindowParams) {
        self.params = params
        minPartMsat = Bounds.msat(sat: params.minPartSat)
        ackAfter = max(1, Bounds.microseconds(seconds: params.ackAfterS))
    }

    var unacknowledgedMsat: Int64 { flights.reduce(0) { $0 + ($1.acknowledged ? 0 : $1.amountMsat) } }

    mutating func start(_ total: Int64) {
        started = true
        let floor = min(minPartMsat, total)
        if let m = recalled {
            windowMsat = max(floor, m.windowMsat)
            partMsat = min(total, max(floor, m.partMsat))
        } else {
            partMsat = min(total, max(floor, Int64((params.initialPart * Double(total)).rounded())))
            windowMsat = partMsat
        }
    }

    /// Takes parts in flight for `ack_after_s` as acknowledged, growing the window.
    mutating func acknowledge(now: Int64) {
        for i in flights.indices where !flights[i].acknowledged && now - flights[i].launched >= ackAfter {
            flights[i].acknowledged = true
            grow(flights[i].amountMsat)
        }
    }

    mutating func grow(_ amount: Int64) {
        // Both terms are at most Bounds.maxMsat (a quarter of Int64.max): the sum cannot overflow.
        windowMsat = min(Bounds.maxMsat, windowMsat + Bounds.int64(params.alpha * Double(amount), min: 0, max: Bounds.maxMsat))
    }

    public mutating func next(_ view: SessionView, random: RandomStream) -> SplitDecision {
        if !started { start(view.totalMsat) }
        if gaveUp { return .giveUp }
        acknowledge(now: view.now)
        guard view.unassignedMsat > 0, !blocked else { return .wait }
        if view.inFlightParts < params.maxInFlightParts && unacknowledgedMsat < windowMsat {
            let unassigned = view.unassignedMsat
            var amount = min(partMsat, unassigned)
            if unassigned - amount < minPartMsat || view.inFlightParts + 1 == params.maxInFlightParts { amount = unassigned }
            return .send(PartRequest(amountMsat: amount))
        }
        // The next acknowledgement by silence: the earliest unacknowledged launch (no allocation).
        var first = Int64.max
        for f in flights where !f.acknowledged { first = min(first, f.launched) }
        return first == .max ? .wait : .waitUntil(first + ackAfter)
    }

    public mutating func launched(_ part: PartRequest, _ view: SessionView) {
        flights.append(Flight(partID: part.partID, amountMsat: part.amountMsat, launched: view.now, acknowledged: false))
    }

    public mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        let half = part.amountMsat / 2
        // The last part allowed must carry everything unassigned: it cannot be made smaller.
        let lastAllowed = view.inFlightParts + 1 >= params.maxInFlightParts
        if lastAllowed {
            if view.inFlightParts == 0 { gaveUp = true } else { blocked = true }
        } else if half >= minPartMsat {
            partMsat = half
        } else {
            gaveUp = true
        }
    }

    public mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        flights.removeAll { $0.partID == part.partID }
        blocked = false
        windowMsat = max(minPartMsat, Int64((Double(windowMsat) * params.beta).rounded()))
        partMsat = max(minPartMsat, partMsat / 2)
    }

    public mutating func delivered(_ part: PartRequest, _ view: SessionView) {
        if let i = flights.firstIndex(where: { $0.partID == part.partID }) {
            if !flights[i].acknowledged { grow(part.amountMsat) }
            flights.remove(at: i)
        }
        blocked = false
    }

    public func learned() -> DestinationMemory? {
        guard params.remember == .perDestination, started else { return nil }
        return DestinationMemory(windowMsat: windowMsat, partMsat: partMsat)
    }

    public mutating func recall(_ memory: DestinationMemory) { recalled = memory }
}
