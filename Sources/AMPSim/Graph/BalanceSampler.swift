import CGSL

/// Splits a channel's capacity between its two ends as `graph.balance` says.
///
/// Guarantees: the result (node1's side) lies in 0 ... capacity; `.uniform` is uniform over those
/// integers; `.fixed` and `.beta` round the share down to whole msat; `.senderSide` draws nothing.
enum BalanceSampler {
    static func draw(_ spec: BalanceSpec, capacityMsat: Int64, _ stream: RandomStream) -> Int64 {
        switch spec {
        case .uniform: return stream.uniformInt(in: 0, capacityMsat)
        case .senderSide: return capacityMsat
        case .fixed(let s): return share(s, of: capacityMsat)
        case .beta(let a, let b): return share(gsl_ran_beta(stream.generator, a, b), of: capacityMsat)
        }
    }

    /// floor(share · amount), kept within 0 ... amount.
    static func share(_ share: Double, of amount: Int64) -> Int64 {
        let x = (share * Double(amount)).rounded(.down)
        if !(x > 0) { return 0 }
        if x >= Double(amount) { return amount }
        return Int64(x)
    }
}
