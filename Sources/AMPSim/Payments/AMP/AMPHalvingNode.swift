/// One part in ZmnSCPxj's recursive-halving AMP scheme: a seed, a child index, a depth and an amount.
/// A part that fails splits into two halves.
///
/// Guarantees: `split` keeps the XOR of the two seeds equal to the parent's seed (so the XOR of all
/// leaf seeds is the root), keeps the amounts summing to the parent's amount, and gives the halves
/// indices `index` and `index + 2^depth` at `depth + 1`, so leaves of one tree never share an index
/// (the index's low `depth` bits record the path from the root).
public struct AMPHalvingNode: Sendable, Hashable {
    /// The largest depth a node can have: indices are 32-bit.
    public static let maximumDepth: UInt32 = 32

    /// This part's share of the root seed.
    public let seed: Bytes32
    /// This part's child index.
    public let index: UInt32
    /// How many splits separate this part from the root.
    public let depth: UInt32
    /// The amount this part carries.
    public let amountMsat: Int64

    /// A node with the given fields; `depth` at most `maximumDepth`, `index` below `2^depth`.
    public init(seed: Bytes32, index: UInt32, depth: UInt32, amountMsat: Int64) {
        precondition(depth <= Self.maximumDepth, "halving depth \(depth) exceeds \(Self.maximumDepth)")
        precondition(depth == Self.maximumDepth || UInt64(index) < (UInt64(1) << depth),
                     "index \(index) does not fit depth \(depth)")
        precondition(amountMsat >= 0, "negative amount")
        self.seed = seed
        self.index = index
        self.depth = depth
        self.amountMsat = amountMsat
    }

    /// The whole payment before any split: the root seed, index 0, depth 0.
    public static func root(seed: Bytes32, amountMsat: Int64) -> AMPHalvingNode {
        AMPHalvingNode(seed: seed, index: 0, depth: 0, amountMsat: amountMsat)
    }

    /// True when the node can still be split.
    public var canSplit: Bool { depth < Self.maximumDepth }

    /// The two halves of this part, with `x` as the first half's seed. The first half carries
    /// `amountMsat / 2` (rounded down), the second the rest.
    public func split(random x: Bytes32) -> (AMPHalvingNode, AMPHalvingNode) {
        precondition(canSplit, "cannot split a node at depth \(depth)")
        let (leftSeed, rightSeed) = AMPSharer.splitShare(seed, random: x)
        let leftAmount = amountMsat / 2
        let left = AMPHalvingNode(seed: leftSeed, index: index, depth: depth + 1,
                                  amountMsat: leftAmount)
        let right = AMPHalvingNode(seed: rightSeed, index: index | (UInt32(1) << depth), depth: depth + 1,
                                   amountMsat: amountMsat - leftAmount)
        return (left, right)
    }
}
