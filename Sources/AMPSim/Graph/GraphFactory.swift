/// The one entry point that turns a scenario's `graph:` section into a `ChannelGraph`.
///
/// Guarantees: topology (and generated capacities, drawn after it) come from stream `.graph`, policies
/// from `.policy`, balances from `.balances`, each seeded from (seed, replication, purpose): changing the
/// policy or balance distribution never changes the topology, and the same scenario and replication
/// always give the same graph. Imports return an `ImportReport`; a bad or missing file throws
/// `InputError` naming the file and the record.
public enum GraphFactory {
    /// The graph of `replication`; imported files are read within `limits`.
    public static func build(_ scenario: Scenario, replication: Int, limits: ResourceLimits = .standard) throws -> (ChannelGraph, ImportReport?) {
        let spec = scenario.graph
        func stream(_ purpose: StreamPurpose) -> RandomStream {
            RandomStream(kind: scenario.rng, seed: scenario.seed, replication: replication, purpose: purpose)
        }
        var report: ImportReport?
        var draft: GraphDraft
        switch spec.generator {
        case .explicit:
            draft = ExplicitGenerator.draft(spec, policyStream: stream(.policy))
            if spec.largestComponent { draft.keepLargestComponent() }
        case .import:
            let label = spec.path ?? ""
            let path = scenario.resolve(label)
            var imported: (GraphDraft, ImportReport)
            switch spec.format ?? .lnd {
            case .lnd: imported = try LndImporter.read(path: path, label: label, dropDisabled: spec.dropDisabled, limits: limits)
            case .cln: imported = try ClnImporter.read(path: path, label: label, dropDisabled: spec.dropDisabled, limits: limits)
            case .cloth: imported = try ClothImporter.read(path: path, label: label, limits: limits)
            }
            draft = imported.0
            var r = imported.1
            if spec.largestComponent {
                let dropped = draft.keepLargestComponent()
                r.skip(.outsideLargestComponent, dropped.channels)
                r.nodesOutsideLargestComponent = dropped.nodes
            }
            let sampler = PolicySampler(spec.policy)
            let policyStream = stream(.policy)
            for d in 0..<draft.policies.count {
                sampler.fillNonGossip(&draft.policies[d], capacityMsat: draft.capacityMsat[d >> 1], policyStream)
            }
            r.nodes = draft.nodeIDs.count
            r.channels = draft.channelCount
            r.usableDirections = draft.policies.reduce(0) { $0 + ($1.enabled ? 1 : 0) }
            r.nodesWithoutUsableChannel = draft.nodesWithoutUsableChannel
            report = r
        case .lnLike, .barabasiAlbert, .erdosRenyi, .wattsStrogatz:
            draft = generated(spec, graphStream: stream(.graph), policyStream: stream(.policy))
        }
        draft.drawMissingBalances(spec.balance, stream(.balances))
        return (draft.build(), report)
    }

    /// Topology, then capacities (both `.graph`), then policies (`.policy`).
    static func generated(_ spec: GraphSpec, graphStream: RandomStream, policyStream: RandomStream) -> GraphDraft {
        var topology: Topology
        switch spec.generator {
        case .barabasiAlbert: topology = BarabasiAlbertGenerator.topology(nodes: spec.nodes, edgesPerNode: spec.edgesPerNode, graphStream)
        case .erdosRenyi: topology = ErdosRenyiGenerator.topology(nodes: spec.nodes, channels: spec.channels, graphStream)
        case .wattsStrogatz: topology = WattsStrogatzGenerator.topology(nodes: spec.nodes, k: spec.k, beta: spec.beta, graphStream)
        default: topology = LNLikeGenerator.topology(nodes: spec.nodes, channels: spec.channels, graphStream)
        }
        var draft = GraphDraft()
        draft.nodeIDs = (0..<topology.nodeCount).map { "n\($0)" }
        draft.node1 = topology.node1
        draft.node2 = topology.node2
        if spec.largestComponent {
            let renumber = Components(nodeCount: topology.nodeCount, node1: topology.node1, node2: topology.node2).largestRenumbering()
            let keptNodes = renumber.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
            draft.nodeIDs = (0..<keptNodes).map { "n\($0)" }
            draft.node1 = []
            draft.node2 = []
            for c in 0..<topology.channelCount where renumber[Int(topology.node1[c])] >= 0 {
                draft.node1.append(renumber[Int(topology.node1[c])])
                draft.node2.append(renumber[Int(topology.node2[c])])
            }
        }
        let channels = draft.node1.count
        draft.channelIDs = (0..<channels).map { "c\($0)" }
        let capacity = DistributionSampler(spec.capacitySat)
        draft.capacityMsat = (0..<channels).map { _ in
            let sat = max(1, min(capacity.sampleInteger(graphStream), Int64(Bounds.maxSat)))
            return sat * 1000
        }
        draft.balance1Msat = Array(repeating: nil, count: channels)
        let sampler = PolicySampler(spec.policy)
        draft.policies.reserveCapacity(2 * channels)
        for c in 0..<channels {
            draft.policies.append(sampler.draw(capacityMsat: draft.capacityMsat[c], policyStream))
            draft.policies.append(sampler.draw(capacityMsat: draft.capacityMsat[c], policyStream))
        }
        return draft
    }
}
