/// Builds the graph a scenario lists node by node (`graph.explicit`).
///
/// Guarantees: nodes keep their names and order, channels are `c0, c1, ...` in the listed order;
/// capacities and `balance_sat` are taken as written (sat → msat); each direction's policy is drawn from
/// the `.policy` stream with that channel's own `policy` / `reverse_policy`.
enum ExplicitGenerator {
    static func draft(_ spec: GraphSpec, policyStream: RandomStream) -> GraphDraft {
        var draft = GraphDraft()
        draft.nodeIDs = spec.explicitNodes
        var index: [String: Int] = [:]
        for (i, name) in spec.explicitNodes.enumerated() { index[name] = i }
        var samplers: [(PolicySpec, PolicySampler)] = []
        func sampler(_ p: PolicySpec) -> PolicySampler {
            if let found = samplers.first(where: { $0.0 == p }) { return found.1 }
            let s = PolicySampler(p)
            samplers.append((p, s))
            return s
        }
        for (c, ch) in spec.explicitChannels.enumerated() {
            guard let a = index[ch.from], let b = index[ch.to] else { continue }
            let capacity = Int64(ch.capacitySat) * 1000
            let p1 = sampler(ch.policy).draw(capacityMsat: capacity, policyStream)
            let p2 = sampler(ch.reversePolicy).draw(capacityMsat: capacity, policyStream)
            draft.addChannel(a, b, id: "c\(c)", capacityMsat: capacity, balance1Msat: ch.balanceSat.map { Int64($0) * 1000 },
                             policy1: p1, policy2: p2)
        }
        return draft
    }
}
