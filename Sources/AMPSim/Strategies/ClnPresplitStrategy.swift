/// `cln-presplit`, Core Lightning's `pay` before 2023: presplit the amount into parts of about
/// `part_sat` (each ± `fuzz`), at most `slot_share` of the free HTLC slots on the sender's own
/// channels; then an adaptive splitter: a part that fails or finds no route is split in two with
/// ± `split_fuzz` around the half, down to `min_part_sat` and only while the parts (queued and in
/// flight) stay within the presplit's slot budget, as CLN's "HTLC budget". Where it cannot split, a
/// failed part is retried as it is; one with no route ends the payment. (Without the budget, a huge
/// amount with no route would be halved ~60 times at one instant: 2^60 parts.)
///
/// Guarantees: the presplit parts sum exactly to the amount and number
/// min(⌈amount / part⌉, max(1, ⌊slot_share × free slots⌋)); every split conserves the amount; all
/// fuzz comes from the run's strategy stream (GSL).
public struct ClnPresplitStrategy: SplitStrategy {
    let params: ClnPresplitParams
    let targetMsat: Int64
    let minPartMsat: Int64
    var queue: [PartRequest] = []
    var started = false
    /// Most parts queued and in flight at once: max(2, ⌊slot_share × free slots⌋) at the start.
    var budget = 2
    var gaveUp = false

    public static var usesSenderSlots: Bool { true }

    public init(_ params: ClnPresplitParams) {
        self.params = params
        targetMsat = Bounds.msat(sat: params.partSat)
        minPartMsat = Bounds.msat(sat: params.minPartSat)
    }

    /// The presplit: `count` parts with weights 1 ± fuzz (uniform), scaled to sum to `total` (the
    /// rounding remainder goes to the first part).
    public static func presplit(total: Int64, targetMsat: Int64, fuzz: Double, maxParts: Int, random: RandomStream) -> [Int64] {
        guard total > targetMsat, maxParts > 1 else { return [total] }
        let count = Int(min(Int64(maxParts), (total + targetMsat - 1) / targetMsat))
        let weights = (0..<count).map { _ in 1 + fuzz * (2 * random.uniform() - 1) }
        let sum = weights.reduce(0, +)
        var parts = weights.map { Int64((Double(total) * $0 / sum).rounded(.down)) }
        parts[0] += total - parts.reduce(0, +)
        return parts
    }

    /// `amount` cut in two around its half (± split_fuzz), or nil when a side would fall below the floor.
    func split(_ amount: Int64, random: RandomStream) -> (Int64, Int64)? {
        let left = Int64((Double(amount) / 2 * (1 + params.splitFuzz * (2 * random.uniform() - 1))).rounded())
        let right = amount - left
        guard min(left, right) >= minPartMsat else { return nil }
        return (left, right)
    }

    public mutating func next(_ view: SessionView, random: RandomStream) -> SplitDecision {
        if !started {
            started = true
            let budget = max(1, Int((params.slotShare * Double(view.senderFreeSlots)).rounded(.down)))
            self.budget = max(2, budget)
            queue = Self.presplit(total: view.totalMsat, targetMsat: targetMsat, fuzz: params.fuzz, maxParts: budget, random: random)
                .map { PartRequest(amountMsat: $0) }
        }
        if gaveUp { return .giveUp }
        guard !queue.isEmpty else { return .wait }
        return .send(queue.removeFirst())
    }

    public mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        if queue.count + view.inFlightParts + 2 <= budget, let (a, b) = split(part.amountMsat, random: random) {
            queue += [PartRequest(amountMsat: a), PartRequest(amountMsat: b)]
        } else {
            gaveUp = true
        }
    }

    public mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        if queue.count + view.inFlightParts + 2 <= budget, let (a, b) = split(part.amountMsat, random: random) {
            queue += [PartRequest(amountMsat: a), PartRequest(amountMsat: b)]
        } else {
            queue.append(part)
        }
    }
}
