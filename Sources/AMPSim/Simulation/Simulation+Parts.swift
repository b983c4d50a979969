/// The part attempts of a run, read back for parts.csv (built only when asked for: the run keeps its
/// attempts anyway, so recording them costs nothing extra).
extension Simulation {
    /// Every part attempt launched, ordered by payment then launch time.
    public func partRecords() -> [PartRecord] {
        var order = Array(attempts.indices)
        // Attempts are stored in launch order; a stable sort by payment keeps that order within a payment.
        order.sort { (attempts[$0].payment, $0) < (attempts[$1].payment, $1) }
        var tries: [Int64: Int] = [:]
        var out: [PartRecord] = []
        out.reserveCapacity(order.count)
        for a in order {
            let t = attempts[a]
            let key = Int64(t.payment) << 32 | Int64(UInt32(bitPattern: t.request.partID))
            let attempt = tries[key, default: 0] + 1
            tries[key] = attempt
            let outcome: PartRecord.Outcome = t.status == .settled ? .settled : t.status == .failed ? .failed : .unresolved
            let failed = outcome == .failed
            out.append(PartRecord(paymentID: Int(t.payment), partID: Int(t.request.partID), attempt: attempt,
                                  amountMsat: t.request.amountMsat, hops: Int(t.hopCount), outcome: outcome,
                                  cause: failed ? (t.cause ?? .insufficientBalance) : nil,
                                  failingHop: failed && t.failingHop >= 0 ? Int(t.failingHop) : nil,
                                  start: t.start, end: t.end >= 0 ? t.end : nil, feeMsat: t.feeMsat))
        }
        return out
    }
}
