/// What an importer read and what it had to leave out, for the one-line report.
///
/// Guarantees: `skipped` counts each problem once under one reason; directions are counted per channel
/// direction, channels per channel record; `description` is one line.
public struct ImportReport: Sendable, Equatable, CustomStringConvertible {
    /// Reasons a record or direction is not used.
    public enum Reason: String, Sendable, CaseIterable, Comparable {
        case nullPolicy = "null_policy"
        case disabled = "disabled"
        case missingDirection = "missing_direction"
        case zeroCapacity = "zero_capacity"
        case selfLoop = "self_loop"
        case duplicate = "duplicate"
        case noUsableDirection = "no_usable_direction"
        case outsideLargestComponent = "outside_largest_component"

        public static func < (a: Reason, b: Reason) -> Bool { a.rawValue < b.rawValue }
    }

    /// The file read.
    public var file: String
    public var format: GraphFormat
    public var nodes = 0
    public var channels = 0
    public var usableDirections = 0
    public var skipped: [Reason: Int] = [:]

    public init(file: String, format: GraphFormat) {
        self.file = file
        self.format = format
    }

    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    mutating func skip(_ reason: Reason, _ count: Int = 1) {
        guard count > 0 else { return }
        skipped[reason, default: 0] += count
    }

    public var description: String {
        let reasons = skipped.keys.sorted().map { "\($0.rawValue) \(skipped[$0]!)" }.joined(separator: ", ")
        return "\(file) (\(format.rawValue)): \(nodes) nodes, \(channels) channels, \(usableDirections) usable directions; skipped: "
            + (reasons.isEmpty ? "none" : reasons)
    }
}
