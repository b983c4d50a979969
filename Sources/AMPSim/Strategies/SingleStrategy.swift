/// `single`: the whole amount as one part, retried on a new route after each failure (keysend, and
/// the unsplit baseline for MPP and AMP). Gives up when no route is left.
public struct SingleStrategy: SplitStrategy {
    /// The one part, once launched (retries send it again).
    var part: PartRequest?
    var gaveUp = false

    public init() {}

    public mutating func next(_ view: SessionView, random: RandomStream) -> SplitDecision {
        if gaveUp { return .giveUp }
        if view.inFlightParts > 0 || view.unassignedMsat == 0 { return .wait }
        var request = part ?? PartRequest(amountMsat: view.unassignedMsat)
        request.amountMsat = view.unassignedMsat
        return .send(request)
    }

    public mutating func noRoute(_ part: PartRequest, _ view: SessionView, random: RandomStream) { gaveUp = true }
    public mutating func failed(_ part: PartRequest, _ view: SessionView, random: RandomStream) { self.part = part }
}
