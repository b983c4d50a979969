/// What an importer read and what it had to leave out, for the one-line report.
///
/// Guarantees: `skipped` counts each problem once under one reason; a reason counts either channel
/// directions (`Reason.isDirection`: the direction is kept but unusable) or channel records (the channel
/// is left out), never both, so `skippedDirections` and `skippedChannels` are separate totals; nodes are
/// counted apart: kept with no usable channel, dropped with `largest_component`, added because an edge
/// named a node the file's node list lacks (lnd); `description` is one line.
public struct ImportReport: Sendable, Equatable, CustomStringConvertible {
    /// Reasons a record or direction is not used.
    public enum Reason: String, Sendable, CaseIterable, Comparable {
        case nullPolicy = "null_policy"
        case disabled = "disabled"
        case missingDirection = "missing_direction"
        case htlcMinimumAboveCapacity = "htlc_minimum_above_capacity"
        case zeroCapacity = "zero_capacity"
        case selfLoop = "self_loop"
        case duplicate = "duplicate"
        case noUsableDirection = "no_usable_direction"
        case outsideLargestComponent = "outside_largest_component"

        public static func < (a: Reason, b: Reason) -> Bool { a.rawValue < b.rawValue }

        /// Whether the reason counts directions (kept, unusable) rather than channels (left out).
        public var isDirection: Bool { [.nullPolicy, .disabled, .missingDirection, .htlcMinimumAboveCapacity].contains(self) }
    }

    /// The file read.
    public var file: String
    public var format: GraphFormat
    public var nodes = 0
    public var channels = 0
    public var usableDirections = 0
    public var skipped: [Reason: Int] = [:]
    /// Nodes of the graph with no usable channel direction (they can neither pay nor be paid).
    public var nodesWithoutUsableChannel = 0
    /// Nodes dropped by `largest_component`.
    public var nodesOutsideLargestComponent = 0
    /// Nodes an edge named that the file's node list lacks (lnd), added to the graph.
    public var unlistedNodes = 0

    public init(file: String, format: GraphFormat) {
        self.file = file
        self.format = format
    }

    /// Every skip, directions and channels together (use the two totals below to tell them apart).
    public var skippedTotal: Int { skipped.values.reduce(0, +) }
    /// Directions kept but unusable.
    public var skippedDirections: Int { skipped.filter { $0.key.isDirection }.values.reduce(0, +) }
    /// Channel records left out.
    public var skippedChannels: Int { skipped.filter { !$0.key.isDirection }.values.reduce(0, +) }

    mutating func skip(_ reason: Reason, _ count: Int = 1) {
        guard count > 0 else { return }
        skipped[reason, default: 0] += count
    }

    public var description: String {
        func list(_ direction: Bool) -> String {
            let reasons = skipped.keys.filter { $0.isDirection == direction }.sorted()
            return reasons.isEmpty ? "none" : reasons.map { "\($0.rawValue) \(skipped[$0]!)" }.joined(separator: ", ")
        }
        var nodeNotes: [String] = []
        if nodesWithoutUsableChannel > 0 { nodeNotes.append("\(nodesWithoutUsableChannel) without a usable channel") }
        if nodesOutsideLargestComponent > 0 { nodeNotes.append("\(nodesOutsideLargestComponent) dropped outside the largest component") }
        if unlistedNodes > 0 { nodeNotes.append("\(unlistedNodes) added: not in the node list") }
        let nodeText = nodeNotes.isEmpty ? "" : " (" + nodeNotes.joined(separator: ", ") + ")"
        return "\(file) (\(format.rawValue)): \(nodes) nodes\(nodeText), \(channels) channels, \(usableDirections) usable directions; "
            + "channels skipped: \(list(false)); directions unusable: \(list(true))"
    }
}
