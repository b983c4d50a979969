/// Names one run of a sweep: a grid point and a replication, e.g. `p003-r07`.
///
/// Guarantees: the text depends only on the two numbers (at least 3 digits for the point, 2 for the
/// replication, more when needed), so ids are stable across shards, machines and resumes; `parse`
/// reads back exactly what `text` writes; ids order as (point, replication).
public struct SweepRunID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var point: Int
    public var replication: Int

    public init(point: Int, replication: Int) {
        self.point = point
        self.replication = replication
    }

    public var text: String { "p" + Self.padded(point, 3) + "-r" + Self.padded(replication, 2) }
    public var description: String { text }

    /// The id written as `text`, or nil.
    public static func parse(_ text: String) -> SweepRunID? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].first == "p", parts[1].first == "r",
              let p = Int(parts[0].dropFirst()), let r = Int(parts[1].dropFirst()), p >= 0, r >= 0 else { return nil }
        let id = SweepRunID(point: p, replication: r)
        return id.text == text ? id : nil
    }

    public static func < (a: SweepRunID, b: SweepRunID) -> Bool { (a.point, a.replication) < (b.point, b.replication) }

    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
