import Foundation

/// Printing of `GraphAnalysis`: one JSON object with sorted keys, or a readable report.
///
/// Guarantees: the JSON is deterministic (keys sorted, reals with 4 decimals, NaN as null) and holds
/// the keys in `jsonKeys`; the text report names the same figures.
extension GraphAnalysis {
    public static let jsonKeys = ["assortativity", "avg_shortest_path_hops", "capacity_mean_sat", "capacity_median_sat", "channels",
                                  "components", "degree_max", "degree_mean", "degree_median", "degree_one_share",
                                  "largest_component_nodes", "lognormal_mu", "lognormal_sigma", "nodes", "nodes_without_usable_channel",
                                  "outside_largest_component_nodes", "powerlaw_alpha", "powerlaw_tail_nodes", "skipped_by_reason",
                                  "skipped_channels", "skipped_directions", "usable_directions"]

    static func real(_ x: Double) -> String { x.isFinite ? String(format: "%.4f", x) : "null" }

    /// The figures as one JSON object (sorted keys).
    public var json: String {
        let reasons = skipped.keys.sorted().map { "\"\($0.rawValue)\": \(skipped[$0]!)" }.joined(separator: ", ")
        let fields: [String: String] = [
            "nodes": "\(nodes)", "channels": "\(channels)", "usable_directions": "\(usableDirections)",
            "skipped_channels": "\(skippedChannels)", "skipped_directions": "\(skippedDirections)", "skipped_by_reason": "{\(reasons)}",
            "nodes_without_usable_channel": "\(nodesWithoutUsableChannel)", "outside_largest_component_nodes": "\(outsideLargestComponentNodes)",
            "degree_mean": Self.real(degreeMean), "degree_median": Self.real(degreeMedian),
            "degree_one_share": Self.real(degreeOneShare), "degree_max": "\(degreeMax)",
            "powerlaw_alpha": Self.real(powerLawAlpha), "powerlaw_tail_nodes": "\(powerLawTailNodes)",
            "assortativity": Self.real(assortativity),
            "capacity_median_sat": Self.real(capacityMedianSat), "capacity_mean_sat": Self.real(capacityMeanSat),
            "lognormal_mu": Self.real(lognormalMu), "lognormal_sigma": Self.real(lognormalSigma),
            "components": "\(components)", "largest_component_nodes": "\(largestComponentNodes)",
            "avg_shortest_path_hops": Self.real(averageShortestPathHops),
        ]
        return "{" + fields.keys.sorted().map { "\"\($0)\": \(fields[$0]!)" }.joined(separator: ", ") + "}"
    }

    /// A readable multi-line report.
    public var text: String {
        func f(_ x: Double, _ digits: Int = 2) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "n/a" }
        func reasons(_ direction: Bool) -> String {
            let list = skipped.keys.filter { $0.isDirection == direction }.sorted().map { "\($0.rawValue) \(skipped[$0]!)" }
            return list.isEmpty ? "" : " (" + list.joined(separator: ", ") + ")"
        }
        return """
        nodes                 \(nodes) (\(nodesWithoutUsableChannel) without a usable channel\(outsideLargestComponentNodes > 0 ? ", \(outsideLargestComponentNodes) dropped outside the largest component" : ""))
        channels              \(channels)
        usable directions     \(usableDirections)
        skipped channels      \(skippedChannels)\(reasons(false))
        unusable directions   \(skippedDirections)\(reasons(true))
        degree mean / median  \(f(degreeMean)) / \(f(degreeMedian, 0))
        degree-1 share        \(f(degreeOneShare * 100, 1))%
        degree max            \(degreeMax)
        power-law alpha       \(f(powerLawAlpha, 3)) (k >= \(Self.powerLawMinimumDegree), \(powerLawTailNodes) nodes)
        assortativity         \(f(assortativity, 3))
        capacity median/mean  \(f(capacityMedianSat, 0)) / \(f(capacityMeanSat, 0)) sat
        ln(capacity) mu/sigma \(f(lognormalMu, 3)) / \(f(lognormalSigma, 3))
        components            \(components) (largest \(largestComponentNodes) nodes)
        avg shortest path     \(f(averageShortestPathHops)) hops

        """
    }
}
