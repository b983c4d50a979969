import Yams

/// Where the channel graph of a run comes from.
public enum GraphGenerator: String, Sendable, CaseIterable {
    case lnLike = "ln-like"
    case barabasiAlbert = "barabasi-albert"
    case erdosRenyi = "erdos-renyi"
    case wattsStrogatz = "watts-strogatz"
    case explicit
    case `import`
}

/// The file format of an imported graph.
public enum GraphFormat: String, Sendable, CaseIterable {
    case lnd, cln, cloth
}

/// How each channel's capacity is split between its two ends at the start of a run.
public enum BalanceSpec: Sendable, Equatable {
    /// The first end's share drawn uniformly from the integers 0 ... capacity (msat).
    case uniform
    /// The first end holds this share of the capacity.
    case fixed(Double)
    /// The first end's share drawn from Beta(a, b).
    case beta(a: Double, b: Double)
    /// The whole capacity on the first end (the opener's side, as in a fresh channel).
    case senderSide

    static func read(_ node: Node?, path: String, context: DecodeContext) -> BalanceSpec {
        guard let node else { return .uniform }
        let expected = "uniform | sender-side | {fixed: SHARE} | {beta: {a: A, b: B}}"
        if case .scalar = node {
            switch ScalarParsing.string(node) {
            case "uniform": return .uniform
            case "sender-side": return .senderSide
            default:
                let hint = ScalarParsing.string(node).map { Suggestion.hint(for: $0, among: ["uniform", "sender-side"]) } ?? ""
                context.report(node, path, expected: expected + hint, found: DecodeContext.describe(node))
                return .uniform
            }
        }
        let r = MapReader(node, path: path, context: context)
        defer { r.finish(known: ["fixed", "beta"]) }
        if r.has("fixed") && !r.has("beta") { return .fixed(r.probability("fixed", default: 0.5)) }
        if r.has("beta") && !r.has("fixed") {
            let b = r.section("beta")
            let result = BalanceSpec.beta(a: b.number("a", default: nil, min: 0, minExclusive: true),
                                          b: b.number("b", default: nil, min: 0, minExclusive: true))
            b.finish(known: ["a", "b"])
            return result
        }
        context.report(node, path, expected: expected, found: DecodeContext.describe(node))
        return .uniform
    }

    var node: Node {
        switch self {
        case .uniform: return YAMLBuild.string("uniform")
        case .senderSide: return YAMLBuild.string("sender-side")
        case .fixed(let f): return YAMLBuild.map([("fixed", YAMLBuild.number(f))], flow: true)
        case .beta(let a, let b):
            return YAMLBuild.map([("beta", YAMLBuild.map([("a", YAMLBuild.number(a)), ("b", YAMLBuild.number(b))], flow: true))], flow: true)
        }
    }
}

/// One channel of an explicit graph.
public struct ExplicitChannel: Sendable, Equatable {
    public var from: String
    public var to: String
    public var capacitySat: Int
    /// Amount held by `from` at the start; nil: split by `graph.balance`.
    public var balanceSat: Int?
    /// Policy of the direction from → to.
    public var policy: PolicySpec
    /// Policy of the direction to → from.
    public var reversePolicy: PolicySpec
}

/// The `graph:` section: which generator or file, and how capacities, balances and policies are drawn.
///
/// Guarantees: after reading, the fields the chosen generator needs are present and in range
/// (e.g. `nodes` for generated graphs, `format` and `path` for imports, a node list for explicit
/// graphs); fields of other generators keep their documented defaults.
public struct GraphSpec: Sendable, Equatable {
    public var generator: GraphGenerator
    public var nodes: Int
    /// Channels wanted (ln-like, erdos-renyi); ln-like defaults to 2.93 per node (the 2026 ratio).
    public var channels: Int
    public var edgesPerNode: Int
    public var k: Int
    public var beta: Double
    public var capacitySat: Distribution
    public var balance: BalanceSpec
    public var policy: PolicySpec
    public var explicitNodes: [String]
    public var explicitChannels: [ExplicitChannel]
    public var format: GraphFormat?
    /// As written in the scenario (relative to the scenario file).
    public var path: String?
    public var largestComponent: Bool
    public var dropDisabled: Bool

    /// Most nodes a generated graph may have unless the user overrides the limit.
    public static let maxNodes = 10_000_000
    public static let defaultCapacity = Distribution(.lognormal(mu: 13.81, sigma: 2.48, median: nil), clampMin: 20_000, clampMax: nil)
    public static let lnLikeChannelsPerNode = 2.93

    static let fields = ["generator", "nodes", "channels", "edges_per_node", "k", "beta", "capacity_sat", "balance", "policy",
                         "explicit", "format", "path", "largest_component", "drop_disabled"]

    static func read(_ r: MapReader) -> GraphSpec {
        let generator = r.choice("generator", default: GraphGenerator.lnLike)
        let generated = [.lnLike, .barabasiAlbert, .erdosRenyi, .wattsStrogatz].contains(generator)
        let nodes = generated ? r.int("nodes", default: nil, min: 2, max: maxNodes) : r.int("nodes", default: 0, min: 0, max: maxNodes)
        var channels: Int
        switch generator {
        case .erdosRenyi:
            let maxChannels = nodes * (nodes - 1) / 2
            channels = r.int("channels", default: nil, min: 1, max: max(1, maxChannels))
        case .lnLike:
            channels = r.int("channels", default: Int((Double(nodes) * lnLikeChannelsPerNode).rounded()), min: max(1, nodes - 1),
                             max: max(1, nodes * (nodes - 1) / 2))
        default:
            channels = r.int("channels", default: 0, min: 0)
        }
        if generator != .lnLike && generator != .erdosRenyi && r.has("channels") {
            r.report("channels", expected: "no 'channels' for generator \(generator.rawValue) (it sets the channel count itself)")
        }
        let edgesPerNode = r.int("edges_per_node", default: 2, min: 1, max: max(1, nodes - 1))
        let k = r.int("k", default: 4, min: 2, max: max(2, nodes - 1))
        if generator == .wattsStrogatz && k % 2 != 0 { r.report("k", expected: "an even number of neighbours") }
        let beta = r.probability("beta", default: 0.1)
        let capacity = DistributionReading.read(r, "capacity_sat", default: defaultCapacity, requirement: .positive)
        if let found = DistributionReading.beyond(capacity, max: Double(Bounds.maxSat)) {
            r.report("capacity_sat", expected: "capacities of at most \(Bounds.maxSat) sat (21 million BTC; a max clamp keeps a long tail within)",
                     found: found)
        }
        let balance = BalanceSpec.read(r.value("balance"), path: r.child("balance"), context: r.context)
        let policy = PolicySpec.read(r.value("policy"), path: r.child("policy"), context: r.context)

        var explicitNodes: [String] = []
        var explicitChannels: [ExplicitChannel] = []
        let explicit = r.section("explicit")
        if generator == .explicit {
            (explicitNodes, explicitChannels) = readExplicit(explicit, defaultPolicy: policy)
        } else if r.has("explicit") {
            r.report("explicit", expected: "no 'explicit' block unless generator is explicit")
        }
        explicit.finish(known: ["nodes", "channels"])

        var format: GraphFormat?
        var path: String?
        if generator == .import {
            format = r.choice("format", default: nil as GraphFormat?)
            path = r.string("path", default: nil)
        } else {
            for key in ["format", "path"] where r.has(key) {
                r.report(key, expected: "no '\(key)' unless generator is import")
            }
            _ = r.value("format"); _ = r.value("path")
        }
        let largest = r.bool("largest_component", default: false)
        let dropDisabled = r.bool("drop_disabled", default: true)
        r.finish(known: fields)
        return GraphSpec(generator: generator, nodes: nodes, channels: channels, edgesPerNode: edgesPerNode, k: k, beta: beta,
                         capacitySat: capacity, balance: balance, policy: policy, explicitNodes: explicitNodes,
                         explicitChannels: explicitChannels, format: format, path: path, largestComponent: largest,
                         dropDisabled: dropDisabled)
    }

    static func readExplicit(_ r: MapReader, defaultPolicy: PolicySpec) -> ([String], [ExplicitChannel]) {
        var names: [String] = []
        var known = Set<String>()
        if let node = r.value("nodes") {
            if case .sequence(let seq) = node {
                for (i, item) in seq.enumerated() {
                    guard let name = ScalarParsing.string(item), !name.isEmpty else {
                        r.context.report(item, "\(r.child("nodes"))[\(i)]", expected: "a node name", found: DecodeContext.describe(item)); continue
                    }
                    if known.contains(name) {
                        r.context.report(item, "\(r.child("nodes"))[\(i)]", expected: "distinct node names", found: "'\(name)' again"); continue
                    }
                    known.insert(name); names.append(name)
                }
            } else { r.report("nodes", expected: "a list of node names") }
        } else { r.missing("nodes", expected: "a list of node names") }
        if names.count == 1 { r.report("nodes", expected: "at least two nodes", found: "one") }

        var channels: [ExplicitChannel] = []
        guard let node = r.value("channels") else { return (names, channels) }
        guard case .sequence(let seq) = node else { r.report("channels", expected: "a list of channels"); return (names, channels) }
        for (i, item) in seq.enumerated() {
            let c = MapReader(item, path: "\(r.child("channels"))[\(i)]", context: r.context)
            let from = c.string("from", default: nil), to = c.string("to", default: nil)
            for (key, name) in [("from", from), ("to", to)] where !name.isEmpty && !known.contains(name) {
                let hint = Suggestion.hint(for: name, among: names)
                c.report(key, expected: "a node listed in \(r.child("nodes"))\(hint)")
            }
            if from == to && !from.isEmpty { c.report("to", expected: "a node other than 'from' (no self-loops)") }
            let capacity = c.int("capacity_sat", default: nil, min: 1, max: Bounds.maxSat)
            // A capacity that was refused bounds the balance by 21 million BTC, not by its fallback value.
            let capacityValid = c.has("capacity_sat") && ScalarParsing.int(c.value("capacity_sat")!).map { $0 >= 1 && $0 <= Bounds.maxSat } == true
            let balance = c.optionalInt("balance_sat", min: 0, max: capacityValid ? capacity : Bounds.maxSat)
            let policy = PolicySpec.read(c.value("policy"), path: c.child("policy"), context: c.context, default: defaultPolicy.preset)
            let usedPolicy = c.has("policy") ? policy : defaultPolicy
            let reverse = c.has("reverse_policy")
                ? PolicySpec.read(c.value("reverse_policy"), path: c.child("reverse_policy"), context: c.context, default: usedPolicy.preset)
                : usedPolicy
            _ = c.value("reverse_policy")
            c.finish(known: ["from", "to", "capacity_sat", "balance_sat", "policy", "reverse_policy"])
            channels.append(ExplicitChannel(from: from, to: to, capacitySat: capacity, balanceSat: balance, policy: usedPolicy, reversePolicy: reverse))
        }
        return (names, channels)
    }

    var node: Node {
        var pairs: [(String, Node)] = [("generator", YAMLBuild.string(generator.rawValue))]
        switch generator {
        case .lnLike, .erdosRenyi:
            pairs += [("nodes", YAMLBuild.int(nodes)), ("channels", YAMLBuild.int(channels))]
        case .barabasiAlbert:
            pairs += [("nodes", YAMLBuild.int(nodes)), ("edges_per_node", YAMLBuild.int(edgesPerNode))]
        case .wattsStrogatz:
            pairs += [("nodes", YAMLBuild.int(nodes)), ("k", YAMLBuild.int(k)), ("beta", YAMLBuild.number(beta))]
        case .explicit:
            let channelNodes = explicitChannels.map { c -> Node in
                var p: [(String, Node)] = [("from", YAMLBuild.string(c.from)), ("to", YAMLBuild.string(c.to)),
                                           ("capacity_sat", YAMLBuild.int(c.capacitySat))]
                if let b = c.balanceSat { p.append(("balance_sat", YAMLBuild.int(b))) }
                p.append(("policy", c.policy.node))
                p.append(("reverse_policy", c.reversePolicy.node))
                return YAMLBuild.map(p)
            }
            pairs.append(("explicit", YAMLBuild.map([("nodes", YAMLBuild.list(explicitNodes.map(YAMLBuild.string))),
                                                      ("channels", YAMLBuild.list(channelNodes, flow: false))])))
        case .import:
            pairs += [("format", YAMLBuild.string(format?.rawValue ?? "")), ("path", YAMLBuild.string(path ?? ""))]
        }
        if generator != .import {
            pairs.append(("capacity_sat", DistributionReading.node(capacitySat)))
        }
        pairs += [("balance", balance.node), ("policy", policy.node),
                  ("largest_component", YAMLBuild.bool(largestComponent)), ("drop_disabled", YAMLBuild.bool(dropDisabled))]
        return YAMLBuild.map(pairs)
    }
}
