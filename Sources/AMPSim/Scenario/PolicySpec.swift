import Yams

/// A Lightning implementation whose forwarding defaults a channel policy can start from.
public enum PolicyPreset: String, Sendable, CaseIterable {
    case lnd, cln, eclair
}

/// How the forwarding policy of each channel direction is chosen: an implementation preset, with
/// any field replaced by a distribution (e.g. `fee_rate_ppm: {empirical: ...}`).
///
/// Guarantees: every field has a value or a distribution after reading; integer fields are drawn
/// and rounded; preset values are the ones in docs/protocol.md.
public struct PolicySpec: Sendable, Equatable {
    public var preset: PolicyPreset
    public var feeBaseMsat: Distribution
    public var feeRatePPM: Distribution
    public var cltvDelta: Distribution
    public var htlcMinimumMsat: Distribution
    /// nil: no maximum beyond the channel's capacity.
    public var htlcMaximumMsat: Distribution?
    public var maxAcceptedHTLCs: Distribution
    /// Channel reserve as a share of capacity.
    public var reserveShare: Double
    /// max_htlc_value_in_flight as a share of capacity (nil: capacity minus reserve, as lnd).
    public var maxInFlightShare: Double?

    /// The preset's defaults (protocol.md: fees, cltv delta, htlc minimum, slots, reserve).
    public static func preset(_ preset: PolicyPreset) -> PolicySpec {
        switch preset {
        case .lnd:
            return PolicySpec(preset: .lnd, feeBaseMsat: .constant(1000), feeRatePPM: .constant(1), cltvDelta: .constant(80),
                              htlcMinimumMsat: .constant(1000), htlcMaximumMsat: nil, maxAcceptedHTLCs: .constant(483),
                              reserveShare: 0.01, maxInFlightShare: nil)
        case .cln:
            return PolicySpec(preset: .cln, feeBaseMsat: .constant(1000), feeRatePPM: .constant(10), cltvDelta: .constant(34),
                              htlcMinimumMsat: .constant(0), htlcMaximumMsat: nil, maxAcceptedHTLCs: .constant(30),
                              reserveShare: 0.01, maxInFlightShare: nil)
        case .eclair:
            return PolicySpec(preset: .eclair, feeBaseMsat: .constant(1000), feeRatePPM: .constant(100), cltvDelta: .constant(144),
                              htlcMinimumMsat: .constant(1), htlcMaximumMsat: nil, maxAcceptedHTLCs: .constant(30),
                              reserveShare: 0.01, maxInFlightShare: 0.45)
        }
    }

    public static let fieldNames = ["preset", "fee_base_msat", "fee_rate_ppm", "cltv_delta", "htlc_minimum_msat",
                                    "htlc_maximum_msat", "max_accepted_htlcs", "reserve_share", "max_in_flight_share"]

    /// Reads a policy: a preset name, or a mapping of `preset` plus per-field distributions.
    public static func read(_ node: Node?, path: String, context: DecodeContext, default defaultPreset: PolicyPreset = .lnd) -> PolicySpec {
        guard let node else { return preset(defaultPreset) }
        if case .scalar = node {
            let names = PolicyPreset.allCases.map(\.rawValue)
            guard let text = ScalarParsing.string(node), let p = PolicyPreset(rawValue: text) else {
                let hint = ScalarParsing.string(node).map { Suggestion.hint(for: $0, among: names) } ?? ""
                context.report(node, path, expected: "a preset (\(names.joined(separator: " | ")))\(hint) or a mapping of policy fields",
                               found: DecodeContext.describe(node))
                return preset(defaultPreset)
            }
            return preset(p)
        }
        let r = MapReader(node, path: path, context: context)
        var spec = preset(r.choice("preset", default: defaultPreset))
        func dist(_ key: String, _ current: Distribution, _ req: DrawRequirement) -> Distribution {
            DistributionReading.read(r, key, default: current, requirement: req)
        }
        spec.feeBaseMsat = dist("fee_base_msat", spec.feeBaseMsat, .nonNegative)
        spec.feeRatePPM = dist("fee_rate_ppm", spec.feeRatePPM, .nonNegative)
        spec.cltvDelta = dist("cltv_delta", spec.cltvDelta, .nonNegative)
        if let found = DistributionReading.beyond(spec.cltvDelta, max: Double(Bounds.maxCLTVDelta)) {
            r.report("cltv_delta", expected: "deltas of at most \(Bounds.maxCLTVDelta) blocks (BOLT 7: 16 bits; a max clamp keeps a long tail within)",
                     found: found)
        }
        spec.htlcMinimumMsat = dist("htlc_minimum_msat", spec.htlcMinimumMsat, .nonNegative)
        if r.has("htlc_maximum_msat") {
            spec.htlcMaximumMsat = dist("htlc_maximum_msat", .constant(1), .positive)
        } else { _ = r.value("htlc_maximum_msat") }
        spec.maxAcceptedHTLCs = dist("max_accepted_htlcs", spec.maxAcceptedHTLCs, .positive)
        if spec.maxAcceptedHTLCs.upperBound > 483 {
            r.report("max_accepted_htlcs", expected: "at most 483 slots (BOLT 2)")
        }
        spec.reserveShare = r.number("reserve_share", default: spec.reserveShare, min: 0, max: 0.5)
        spec.maxInFlightShare = r.optionalNumber("max_in_flight_share", min: 0, max: 1, minExclusive: true) ?? spec.maxInFlightShare
        r.finish(known: fieldNames)
        return spec
    }

    public var node: Node {
        YAMLBuild.map([
            ("preset", YAMLBuild.string(preset.rawValue)),
            ("fee_base_msat", DistributionReading.node(feeBaseMsat)),
            ("fee_rate_ppm", DistributionReading.node(feeRatePPM)),
            ("cltv_delta", DistributionReading.node(cltvDelta)),
            ("htlc_minimum_msat", DistributionReading.node(htlcMinimumMsat)),
            ("htlc_maximum_msat", YAMLBuild.optional(htlcMaximumMsat.map(DistributionReading.node))),
            ("max_accepted_htlcs", DistributionReading.node(maxAcceptedHTLCs)),
            ("reserve_share", YAMLBuild.number(reserveShare)),
            ("max_in_flight_share", YAMLBuild.optional(maxInFlightShare.map(YAMLBuild.number))),
        ])
    }
}
