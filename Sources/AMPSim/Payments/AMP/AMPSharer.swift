/// The sender's side of one AMP payment: the root seed and the share not yet handed to a shard,
/// following lnd's `AMPShardTracker` and `SeedSharer`.
///
/// Guarantees: at every moment the XOR of the shares held by live (sent, not failed) shards and
/// `current` equals `root`. A non-last shard takes a fresh random share `left` and leaves
/// `current ^ left`; the last shard takes `current` and leaves zero; a failed shard's share is
/// XORed back into `current` so a retry can reuse it. Hence once the last shard is out and none has
/// failed, the live shares XOR to `root`.
public struct AMPSharer: Sendable, Hashable {
    /// The payment's root seed; the receiver rebuilds it as the XOR of all shares.
    public let root: Bytes32
    /// The part of the root not yet assigned to a live shard.
    public private(set) var current: Bytes32

    /// A sharer for the payment with root seed `root`; nothing is assigned yet.
    public init(root: Bytes32) {
        self.root = root
        self.current = root
    }

    /// A sharer with a fresh random root drawn from `stream`.
    public init(random stream: RandomStream) {
        self.init(root: Bytes32(random: stream))
    }

    /// The share for a new shard. `isLast` means the shard's amount equals the amount still
    /// unassigned; only a non-last shard calls `draw` (once) for its fresh random share.
    public mutating func nextShare(isLast: Bool, draw: () -> Bytes32) -> Bytes32 {
        if isLast {
            let share = current
            current = .zero
            return share
        }
        let (left, right) = Self.splitShare(current, random: draw())
        current = right
        return left
    }

    /// The share for a new shard, drawing a non-last shard's random share from `stream`.
    public mutating func nextShare(isLast: Bool, using stream: RandomStream) -> Bytes32 {
        nextShare(isLast: isLast) { Bytes32(random: stream) }
    }

    /// Takes back the share of a shard that failed, so that a later shard can carry it again.
    public mutating func fold(failedShare: Bytes32) {
        current ^= failedShare
    }

    /// Splits seed `s` into two seeds that XOR back to it: `(x, s ^ x)`.
    @inlinable public static func splitShare(_ s: Bytes32, random x: Bytes32) -> (Bytes32, Bytes32) {
        (x, s ^ x)
    }

    /// A child index as lnd draws it for each shard: 4 random bytes read big-endian.
    public static func randomChildIndex(using stream: RandomStream) -> UInt32 {
        stream.bytes(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}
