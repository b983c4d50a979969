/// `keysend`: one part carrying the preimage the sender made; the receiver settles it at once.
/// Nothing to link (one part), nothing held.
struct KeysendProtocol: PaymentProtocolRules {
    var linksParts: Bool { false }
    var greedyTakesHeld: Bool { false }

    func receive(_ a: Int, payment p: Int, in sim: Simulation) {
        sim.resolveFromReceiver(a, settle: true)
    }
}
