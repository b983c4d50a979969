/// `fixed-n`: n equal parts sent at once (the remainder spread one msat at a time over the first
/// parts); the sender's knowledge of its own parts in flight steers them onto different paths where
/// it can. A failed part is retried with the same amount on a new route; a part with no route left
/// ends the payment.
public struct FixedNStrategy: SplitStrategy {
    let n: Int
    var queue: [PartRequest] = []
    var started = false
    var gaveUp = false

    public init(n: Int) { self.n = n }

    /// n parts summing exactly to `total`, the first `total % n` of them one msat larger.
    public static func parts(total: Int64, n: Int) -> [Int64] {
        let count = Int64(max(1, min(Int64(n), total)))
        let base = total / count, remainder = total % count
        return (0..<count).map { base + ($0 < remainder ? 1 : 0) }
    }

    public mutating func next(_ view: SessionView, random: RandomStream) -> SplitDecision {
        if !started {
            started = true
            queue = Self.parts(total: view.totalMsat, n: n).map { PartRequest(amountMsat: $0) }
        }
        if gaveUp { return .giveUp }
        guard !queue.isEmpty else { return .wait }
        return .send(queue.removeFirst())
    }

    public mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream) { gaveUp = true }

    public mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        queue.append(part)
    }
}
