/// Maps a scenario's `payment.protocol` to the rules a run applies.
///
/// Guarantees: every `PaymentProtocol` has an implementation (the switch is exhaustive).
/// Adding a protocol: one file in Protocols/ implementing `PaymentProtocolRules`, one case in
/// `PaymentProtocol` (Scenario/PaymentSpec.swift) with its parameter block, one line here, tests in
/// Tests/AMPSimTests/Protocols/ (README "Adding a protocol").
enum ProtocolRegistry {
    /// The rules of the scenario's protocol (one instance per run: they hold no per-payment state).
    static func make(_ spec: PaymentSpec) -> any PaymentProtocolRules {
        switch spec.protocol {
        case .keysend: return KeysendProtocol()
        case .mpp: return MPPProtocol()
        case .amp: return AMPProtocol()
        case .redundant: return RedundantProtocol(spec.redundant)
        }
    }
}
