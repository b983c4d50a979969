/// The session's side of strategies that route their own parts (`SplitStrategy.choosesRoutes`,
/// `optimal-flow`): what the sender knows to plan with, and the check of a planned route at launch.
extension Simulation {
    /// The sender's knowledge for payment `p`: the public graph, its own channels with what it can
    /// spend on each now (0 when the peer is offline), the routing limits, the shared solver workspace.
    func senderContext(_ p: Int) -> SenderContext {
        let sender = Int(payments[p].spec.sender)
        let own = graph.outgoing(sender).map { d in
            (direction: d, spendableMsat: availability.isOnline(graph.target(of: Int(d))) ? network.spendable(Int(d)) : 0)
        }
        return SenderContext(graph: graph, sender: sender, receiver: Int(payments[p].spec.receiver), own: own,
                             maxHops: scenario.routing.maxHops, workspace: flowWorkspace)
    }

    /// Whether a planned route can leave now: it delivers the part's amount, starts at the sender, and
    /// the sender's own first channel can take its first amount (what `PathFinder` checks of that hop).
    func plannedRouteFits(_ route: Route, request: PartRequest, sender: Int) -> Bool {
        guard route.hops > 0, route.deliveredMsat == request.amountMsat else { return false }
        let first = Int(route.directions[0])
        return graph.source(of: first) == sender && network.spendable(first) >= route.amounts[0]
            && route.amounts[0] >= graph.htlcMinimumMsat[first] && availability.isOnline(graph.target(of: first))
    }
}
