/// `--shard I/N`: the slice of a sweep's runs that one machine (or array task) runs.
///
/// Guarantees: 1 <= index <= count; the N shards of a sweep are disjoint and together hold every run;
/// runs are dealt round-robin in (point, replication) order, so shards get similar mixes of points.
public struct SweepShard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public static let whole = SweepShard(index: 1, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `I/N`; anything else is an `InputError` at `--shard TEXT`.
    public static func parse(_ text: String) throws -> SweepShard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else {
            throw InputError(location: "--shard \(text)", expected: "I/N with 1 <= I <= N, e.g. 1/4", found: "'\(text)'")
        }
        return SweepShard(index: i, count: n)
    }

    /// Whether the run at position `ordinal` of the whole sweep (0-based, (point, replication) order) is in this shard.
    public func contains(ordinal: Int) -> Bool { ordinal % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}
