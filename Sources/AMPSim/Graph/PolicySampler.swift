/// Draws forwarding policies for channel directions from a `PolicySpec`.
///
/// Guarantees: integer fields are drawn with `sampleInteger` in a fixed field order (fee base, fee
/// rate, cltv delta, htlc minimum, htlc maximum if set, max accepted HTLCs), so the same stream gives
/// the same policies; reserve = floor(reserve_share · capacity); max in flight = floor(share · capacity)
/// when set, else Int64.max; htlc maximum Int64.max when unset.
final class PolicySampler {
    private let spec: PolicySpec
    private let feeBase, feeRate, cltv, htlcMin, maxAccepted: DistributionSampler
    private let htlcMax: DistributionSampler?

    init(_ spec: PolicySpec) {
        self.spec = spec
        feeBase = DistributionSampler(spec.feeBaseMsat)
        feeRate = DistributionSampler(spec.feeRatePPM)
        cltv = DistributionSampler(spec.cltvDelta)
        htlcMin = DistributionSampler(spec.htlcMinimumMsat)
        htlcMax = spec.htlcMaximumMsat.map(DistributionSampler.init)
        maxAccepted = DistributionSampler(spec.maxAcceptedHTLCs)
    }

    /// A whole policy for one direction of a channel of `capacityMsat`.
    func draw(capacityMsat: Int64, _ stream: RandomStream) -> DirectionPolicy {
        var p = DirectionPolicy()
        p.feeBaseMsat = max(0, feeBase.sampleInteger(stream))
        p.feeRatePPM = max(0, feeRate.sampleInteger(stream))
        p.cltvDelta = Int32(clamping: min(Int64(Bounds.maxCLTVDelta), max(0, cltv.sampleInteger(stream))))
        p.htlcMinimumMsat = max(0, htlcMin.sampleInteger(stream))
        p.htlcMaximumMsat = htlcMax.map { max(1, $0.sampleInteger(stream)) } ?? .max
        fillNonGossip(&p, capacityMsat: capacityMsat, stream)
        return p
    }

    /// The fields gossip does not carry (max accepted HTLCs, reserve, max in flight), for imported policies.
    func fillNonGossip(_ p: inout DirectionPolicy, capacityMsat: Int64, _ stream: RandomStream) {
        p.maxAcceptedHTLCs = Int32(clamping: max(1, maxAccepted.sampleInteger(stream)))
        p.reserveMsat = BalanceSampler.share(spec.reserveShare, of: capacityMsat)
        p.maxInFlightMsat = spec.maxInFlightShare.map { BalanceSampler.share($0, of: capacityMsat) } ?? .max
    }
}
