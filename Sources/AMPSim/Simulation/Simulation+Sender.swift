import Crypto

/// The sender's side: starting a payment, asking its strategy for parts, routing and launching them,
/// learning outcomes, and deciding when the payment has ended.
extension Simulation {
    func startPayment(_ p: Int) {
        let now = scheduler.now
        if let oracle {
            // The sender is online when it pays (as the simulation treats it); everyone else as now.
            let availability = self.availability, sender = Int(payments[p].spec.sender)
            payments[p].oracle = oracle.evaluate(sender: sender, receiver: Int(payments[p].spec.receiver),
                                                 amount: payments[p].spec.amountMsat, network: network,
                                                 online: { $0 == sender || availability.isOnline($0) })
        }
        payments[p].deadline = now + Bounds.microseconds(seconds: scenario.payment.timeoutS)
        rules.start(p, in: self)
        scheduler.schedule(.paymentDeadline(Int32(p)), at: payments[p].deadline)
        // lnd's findPath: "If the total outgoing balance isn't sufficient, it will be impossible to
        // complete the payment" (errInsufficientBalance): the payment fails before any HTLC.
        if senderSpendable(Int(payments[p].spec.sender)) < payments[p].outlayMsat {
            payments[p].insufficientLocalBalance = true
            stopSending(p)
            finishIfDone(p)
            return
        }
        if let memory = destinationMemory[destinationKey(p)] { payments[p].strategy.recall(memory) }
        pump(p)
        finishIfDone(p)
    }

    /// What the strategy of payment `p` may see, read field by field (no copy of the payment's state).
    func view(_ p: Int) -> SessionView {
        // The amount, or a planned protocol's outlay less the parts its sender dropped for good.
        let retired = payments[p].partsNeeded > 0 ? payments[p].strategy.retiredMsat : 0
        let total = payments[p].outlayMsat - retired, inFlight = payments[p].inFlightMsat, delivered = payments[p].deliveredMsat
        return SessionView(totalMsat: total, unassignedMsat: total - inFlight - delivered,
                           inFlightParts: payments[p].inFlight.count, inFlightMsat: inFlight, deliveredMsat: delivered,
                           now: scheduler.now, paymentProtocol: scenario.payment.protocol, ampRoot: payments[p].sharer?.root,
                           senderFreeSlots: strategyUsesSenderSlots ? senderFreeSlots(Int(payments[p].spec.sender)) : 0,
                           context: strategyChoosesRoutes ? senderContext(p) : nil)
    }

    /// What `node` can send over all its own channels now: lnd's total bandwidth (balance minus reserve
    /// and what is in flight, 0 for a channel without a free slot or whose peer is offline), saturating.
    func senderSpendable(_ node: Int) -> Int64 {
        var total: Int64 = 0
        for d in graph.outgoing(node) where availability.isOnline(graph.target(of: Int(d))) {
            let (sum, overflow) = total.addingReportingOverflow(network.spendable(Int(d)))
            total = overflow ? .max : sum
        }
        return total
    }

    /// Free HTLC slots over the node's own outgoing channels.
    func senderFreeSlots(_ node: Int) -> Int {
        graph.outgoing(node).reduce(0) { sum, d in
            sum + max(0, Int(graph.maxAcceptedHTLCs[Int(d)]) - Int(network.slots[Int(d)]))
        }
    }

    func destinationKey(_ p: Int) -> Int64 {
        Int64(payments[p].spec.sender) << 32 | Int64(payments[p].spec.receiver)
    }

    /// A strategy's wake-up time has come: ask it again.
    func strategyWakes(_ p: Int) {
        guard !payments[p].finished else { return }
        if payments[p].wakeAt <= scheduler.now { payments[p].wakeAt = .max }
        pump(p)
        finishIfDone(p)
    }

    /// The hops of payment `p`'s parts in flight, into the reused `loadBuffer` (no allocation per search).
    func collectLoads(_ p: Int) {
        loadBuffer.removeAll(keepingCapacity: true)
        for a in payments[p].inFlight {
            let start = Int(attempts[Int(a)].hopStart)
            for i in start..<(start + Int(attempts[Int(a)].hopCount)) {
                loadBuffer.append((hopDirections[i], hopAmounts[i]))
            }
        }
    }

    /// Asks the strategy for parts and launches those that find a route, until it waits or gives up.
    func pump(_ p: Int) {
        var guardCount = 0
        // Amounts that found no route since the payment's last launch (`launch` is the only place its
        // attempts grow). Between two searches of one pump with no launch between them nothing a search
        // reads changes (the time, the network's balances, the sender's mission control, the payment's
        // parts in flight, which peers are online): the same amount finds no route again, so that
        // search is counted, not run. ZmnSCPxj's halving asks for many equal halves of parts that found
        // no route. The last 8 amounts are kept (a halving level has at most two).
        var noRouteAmounts: [Int64] = []
        var noRouteSince = payments[p].attempts
        let sender = Int(payments[p].spec.sender), receiver = Int(payments[p].spec.receiver)
        while !payments[p].gaveUp && !payments[p].finished && scheduler.now < payments[p].deadline
                && payments[p].attempts < (scenario.payment.maxAttempts ?? .max) {
            guardCount += 1
            if guardCount > 100_000 { stopSending(p); break }
            let v = view(p)
            // Affordability before each new part (lnd's errInsufficientBalance, which ends the payment):
            // with parts in flight, whose outcomes may give the balance back, the sender waits instead.
            if v.unassignedMsat > 0 && senderSpendable(sender) < v.unassignedMsat {
                if v.inFlightParts > 0 { return }
                payments[p].insufficientLocalBalance = true
                stopSending(p)
                return
            }
            let decision = payments[p].strategy.next(v, random: strategyStream)
            switch decision {
            case .wait:
                return
            case .waitUntil(let time):
                if time > scheduler.now && time < payments[p].deadline && (time < payments[p].wakeAt || payments[p].wakeAt <= scheduler.now) {
                    payments[p].wakeAt = time
                    scheduler.schedule(.strategyWakes(Int32(p)), at: time)
                }
                return
            case .giveUp:
                stopSending(p)
                return
            case .send(var request):
                request.amountMsat = min(request.amountMsat, v.unassignedMsat)
                guard request.amountMsat > 0 else { return }
                if let planned = request.route {
                    // A strategy that routes itself (optimal-flow): its route, if the sender's own channel still takes it.
                    if plannedRouteFits(planned, request: request, sender: sender) {
                        launch(p, request: request, route: planned)
                    } else {
                        payments[p].strategy.noRoute(request, v, random: strategyStream)
                    }
                    continue
                }
                if payments[p].attempts != noRouteSince {
                    noRouteAmounts.removeAll()
                    noRouteSince = payments[p].attempts
                }
                if reuseNoRoute && noRouteAmounts.contains(request.amountMsat) {
                    finder.countRepeatedSearch()
                    payments[p].strategy.noRoute(request, v, random: strategyStream)
                    continue
                }
                collectLoads(p)
                let availability = self.availability
                if let route = finder.findRoute(from: sender, to: receiver, amount: request.amountMsat, now: scheduler.now,
                                                memory: memories[sender], network: network, inFlight: loadBuffer,
                                                peerOnline: { availability.isOnline($0) }) {
                    launch(p, request: request, route: route)
                } else {
                    if noRouteAmounts.count == 8 { noRouteAmounts.removeFirst() }
                    noRouteAmounts.append(request.amountMsat)
                    payments[p].strategy.noRoute(request, v, random: strategyStream)
                }
            }
        }
    }

    func launch(_ p: Int, request: PartRequest, route: Route) {
        let now = scheduler.now
        var request = request
        if request.partID < 0 {
            request.partID = Int32(payments[p].parts)
            payments[p].parts += 1
        }
        var attempt = PartAttempt(payment: Int32(p), request: request, hopStart: Int32(hopDirections.count),
                                  hopCount: Int16(route.hops), start: now, feeMsat: route.feeMsat, sentMsat: route.amounts[0])
        rules.prepare(&attempt, payment: p, in: self)
        hopDirections.append(contentsOf: route.directions)
        hopAmounts.append(contentsOf: route.amounts)
        hopAddTime.append(contentsOf: repeatElement(-1, count: route.hops))
        let a = attempts.count
        attempts.append(attempt)
        payments[p].attempts += 1
        payments[p].inFlight.append(Int32(a))
        payments[p].inFlightMsat += request.amountMsat
        payments[p].maxPartsInFlight = max(payments[p].maxPartsInFlight, payments[p].inFlight.count)
        payments[p].strategy.launched(request, view(p))
        forward(a, hop: 0)
    }

    /// The sender learns what became of part attempt `a`.
    func partResolved(_ a: Int) {
        let now = scheduler.now
        let p = Int(attempts[a].payment)
        attempts[a].end = now
        payments[p].inFlight.removeAll { $0 == Int32(a) }
        let request = attempts[a].request
        payments[p].inFlightMsat -= request.amountMsat
        if attempts[a].status == .settled {
            payments[p].deliveredMsat += request.amountMsat
            payments[p].feeMsat = Bounds.adding(payments[p].feeMsat, attempts[a].feeMsat)
            payments[p].sentOnSettled = Bounds.adding(payments[p].sentOnSettled, attempts[a].sentMsat)
            payments[p].partsSettled += 1
            learnSuccess(a, hops: Int(attempts[a].hopCount))
            if strategyChoosesRoutes { payments[p].strategy.observe(request, failingHop: nil, boltCode: nil, graph: graph) }
            payments[p].strategy.delivered(request, view(p))
            // A settled part hands the sender the preimage: it stops sending (lnd would call it paid).
            if payments[p].greedySettled { stopSending(p) }
        } else {
            let cause = attempts[a].cause ?? .insufficientBalance
            // The cause that made the sender give up is the one to report, not what came back after.
            if !payments[p].gaveUp { payments[p].lastFailure = cause }
            learnFailure(a)
            if attempts[a].sharedBySharer { payments[p].sharer?.fold(failedShare: attempts[a].share) }
            if strategyChoosesRoutes {
                let hop = Int(attempts[a].failingHop)
                payments[p].strategy.observe(request, failingHop: max(0, hop), boltCode: cause.boltCode, graph: graph)
            }
            var v = view(p)
            v.failureCause = cause
            payments[p].strategy.failed(request, v, random: strategyStream)
        }
        pump(p)
        finishIfDone(p)
    }

    /// The sender stops sending parts of payment `p` for good (it gave up, could not pay, or was paid
    /// by a greedy receiver): the first such moment is when it gave up.
    func stopSending(_ p: Int) {
        if !payments[p].gaveUp { payments[p].stoppedAt = scheduler.now }
        payments[p].gaveUp = true
    }

    func deadlinePassed(_ p: Int) {
        finishIfDone(p)
    }

    /// Ends the payment when nothing is in flight and nothing more will be sent.
    func finishIfDone(_ p: Int) {
        let s = payments[p]
        guard !s.finished, s.inFlight.isEmpty else { return }
        // Only `redundant` can deliver more than the amount (its rounding, or spares a greedy receiver took).
        let success = s.deliveredMsat >= s.spec.amountMsat && !s.greedySettled
        let timedOut = scheduler.now >= s.deadline
        let exhausted = s.attempts >= (scenario.payment.maxAttempts ?? .max)
        guard success || s.gaveUp || timedOut || exhausted || s.greedySettled else { return }
        payments[p].finished = true
        var failure = ""
        if !success {
            if s.greedySettled { failure = "partial_settlement" }
            else if s.insufficientLocalBalance { failure = "insufficient_local_balance" }
            else if s.gaveUp { failure = s.lastFailure?.name ?? "no_route" }
            else if timedOut { failure = "timeout" }
            else { failure = "max_attempts" }
        }
        let linkable = linksParts ? Self.linkableParts(forwarders: s.linkingNodes) : 0
        records[p] = PaymentRecord(
            paymentID: p, arrival: s.spec.arrival, end: scheduler.now, sender: s.spec.sender, receiver: s.spec.receiver,
            amountMsat: s.spec.amountMsat, success: success, feeMsat: success ? s.feeMsat : 0, attempts: s.attempts,
            parts: s.parts, partsSettled: s.partsSettled, htlcs: s.htlcs, maxPartsInFlight: s.maxPartsInFlight,
            slotMicros: s.slotMicros, lockedMsatMicros: s.lockedMsatMicros,
            partialLossMsat: success ? 0 : s.sentOnSettled, linkableParts: linkable, invoice: s.spec.invoice,
            setID: s.setID, failure: failure, oracle: s.oracle,
            // Giving up: when the sender stopped, else its deadline, else when its last attempt failed
            // (max_attempts); parts still held elsewhere may come back later (`end`).
            gaveUpAt: success ? nil : min(s.stoppedAt, s.deadline, scheduler.now),
            partsNeeded: s.partsNeeded > 0 ? s.partsNeeded : s.parts,
            sparesFailedBack: s.sparesFailedBack, overpaymentAtRiskMsat: s.overpaymentAtRiskMsat,
            overpaidMsat: max(0, s.deliveredMsat - s.spec.amountMsat))
        if let memory = payments[p].strategy.learned() { destinationMemory[destinationKey(p)] = memory }
        payments[p].strategy = SingleStrategy()
        payments[p].linkingNodes = []
    }

    /// Parts seen by a forwarder that saw at least two parts of the payment: `forwarders` lists the
    /// forwarding node of every MPP hop the payment's parts were added on (one entry per part and node).
    static func linkableParts(forwarders: [Int32]) -> Int {
        var total = 0, run = 0
        var previous: Int32 = -1
        for node in forwarders.sorted() {
            if node == previous { run += 1 } else { if run >= 2 { total += run }; run = 1; previous = node }
        }
        return run >= 2 ? total + run : total
    }
}
