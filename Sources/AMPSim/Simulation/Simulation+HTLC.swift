/// HTLCs moving hop by hop: forwarding (with every check a real node makes), and the fulfil or fail
/// travelling back, releasing slots and moving or restoring balances.
extension Simulation {
    /// The HTLC of attempt `a` is at the forwarder of hop `hop`, which tries to add it to that channel.
    func forward(_ a: Int, hop: Int) {
        let now = scheduler.now
        let index = Int(attempts[a].hopStart) + hop
        let d = Int(hopDirections[index])
        let amount = hopAmounts[index]
        // An offline next node is found first: its link is down (lnd's unknown_next_peer).
        var refusal: FailureCause? = nil
        if availability.anyOffline && !availability.isOnline(graph.target(of: d)) { refusal = .offline }
        if refusal == nil { refusal = network.refusal(d, amount: amount) }
        if let cause = refusal {
            network.noteFailure(d, cause: cause)
            attempts[a].cause = cause
            attempts[a].failingHop = Int16(hop)
            attempts[a].status = .failing
            if hop == 0 {
                attempts[a].status = .failed
                partResolved(a)
            } else {
                scheduler.schedule(.resolutionReachesHop(attempt: Int32(a), hop: Int16(hop - 1)), after: hopDelay())
            }
            return
        }
        network.add(d, amount: amount, now: now)
        hopAddTime[index] = now
        let p = Int(attempts[a].payment)
        payments[p].htlcs += 1
        if linksParts && hop > 0 {
            payments[p].linkingNodes.append(Int32(graph.source(of: d)))
        }
        if hop == Int(attempts[a].hopCount) - 1 {
            scheduler.schedule(.htlcReachesReceiver(attempt: Int32(a)), after: hopDelay())
        } else {
            scheduler.schedule(.htlcReachesHop(attempt: Int32(a), hop: Int16(hop + 1)), after: hopDelay())
        }
    }

    /// Starts sending the fulfil (or the fail, with `cause`) of attempt `a` back from the receiver.
    func resolveFromReceiver(_ a: Int, settle: Bool, cause: FailureCause? = nil) {
        if settle {
            attempts[a].status = .settling
        } else {
            attempts[a].status = .failing
            attempts[a].cause = cause
            attempts[a].failingHop = attempts[a].hopCount
        }
        scheduler.schedule(.resolutionReachesHop(attempt: Int32(a), hop: attempts[a].hopCount - 1), after: hopDelay())
    }

    /// The fulfil or fail of attempt `a` reaches the upstream node of hop `hop`: that HTLC is removed.
    func resolve(_ a: Int, hop: Int) {
        let now = scheduler.now
        let index = Int(attempts[a].hopStart) + hop
        let d = Int(hopDirections[index])
        let amount = hopAmounts[index]
        let settled = attempts[a].status == .settling
        network.resolve(d, amount: amount, settled: settled, now: now)
        let p = Int(attempts[a].payment)
        let held = now - hopAddTime[index]
        payments[p].slotMicros += Double(held)
        payments[p].lockedMsatMicros += Double(amount) * Double(held)
        if settled {
            let fee = hop > 0 ? hopAmounts[index - 1] - amount : 0
            network.noteForward(d, amount: amount, fee: fee)
        }
        if hop > 0 {
            scheduler.schedule(.resolutionReachesHop(attempt: Int32(a), hop: Int16(hop - 1)), after: hopDelay())
        } else {
            attempts[a].status = settled ? .settled : .failed
            partResolved(a)
        }
    }
}
