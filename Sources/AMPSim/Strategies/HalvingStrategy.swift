/// `halving`, ZmnSCPxj (lightning-dev, Feb 2018): send the whole amount; a part that fails (or finds
/// no route) is split into two halves, each sent, recursively, down to `max_depth` or until a half
/// would be smaller than `min_part_sat`. At that floor a failed part is retried as it is; one with no
/// route ends the payment.
///
/// With AMP the share tree follows his scheme: a part with seed s splits into (x, s XOR x) with x
/// random, and its child index (index, depth) into (index, depth+1) and (index + 2^depth, depth+1), so
/// the XOR of the leaves' seeds is always the root.
public struct HalvingStrategy: SplitStrategy {
    let maxDepth: Int
    let minPartMsat: Int64
    var queue: [PartRequest] = []
    var started = false
    var gaveUp = false

    public init(maxDepth: Int, minPartSat: Double) {
        self.maxDepth = maxDepth
        minPartMsat = Int64((minPartSat * 1000).rounded())
    }

    public mutating func next(_ view: SessionView, random: RandomStream) -> SplitDecision {
        if !started {
            started = true
            queue = [PartRequest(amountMsat: view.totalMsat, depth: 0, treeIndex: 0, share: view.ampRoot)]
        }
        if gaveUp { return .giveUp }
        guard !queue.isEmpty else { return .wait }
        return .send(queue.removeFirst())
    }

    /// The two halves of `part`, or nil when it may not be split further.
    public func split(_ part: PartRequest, random: RandomStream) -> (PartRequest, PartRequest)? {
        let low = part.amountMsat / 2, high = part.amountMsat - low
        guard part.depth < maxDepth, low >= max(1, minPartMsat) else { return nil }
        let depth = part.depth + 1
        let step = UInt32(truncatingIfNeeded: 1 << min(part.depth, 31))
        var leftShare: Bytes32?, rightShare: Bytes32?
        if let s = part.share {
            let x = Bytes32(random: random)
            leftShare = x
            rightShare = s ^ x
        }
        return (PartRequest(amountMsat: high, depth: depth, treeIndex: part.treeIndex, share: leftShare),
                PartRequest(amountMsat: low, depth: depth, treeIndex: part.treeIndex &+ step, share: rightShare))
    }

    public mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        if let (a, b) = split(part, random: random) { queue += [a, b] } else { gaveUp = true }
    }

    public mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        if let (a, b) = split(part, random: random) { queue += [a, b] } else { queue.append(part) }
    }
}
