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
        minPartMsat = Bounds.msat(sat: minPartSat)
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
    /// The two halves of `part` (`AMPHalvingNode`'s split: amounts, child indices and, with AMP, seeds),
    /// or nil when it may not be split further.
    public func split(_ part: PartRequest, random: RandomStream) -> (PartRequest, PartRequest)? {
        let node = AMPHalvingNode(seed: part.share ?? .zero, index: part.treeIndex, depth: UInt32(part.depth), amountMsat: part.amountMsat)
        guard part.depth < maxDepth, node.canSplit, part.amountMsat / 2 >= max(1, minPartMsat) else { return nil }
        let (left, right) = node.split(random: part.share == nil ? .zero : Bytes32(random: random))
        func request(_ n: AMPHalvingNode) -> PartRequest {
            PartRequest(amountMsat: n.amountMsat, depth: Int(n.depth), treeIndex: n.index, share: part.share == nil ? nil : n.seed)
        }
        return (request(left), request(right))
    }

    public mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        if let (a, b) = split(part, random: random) { queue += [a, b] } else { gaveUp = true }
    }

    public mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream) {
        if let (a, b) = split(part, random: random) { queue += [a, b] } else { queue.append(part) }
    }
}
