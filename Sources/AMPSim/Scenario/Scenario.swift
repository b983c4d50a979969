import Foundation
import Yams

/// A validated scenario: everything one run (or one sweep) needs to know, with every default filled in.
///
/// Guarantees: a value of this type has passed validation — every field has the right type and range,
/// no unknown fields remain, and impossible combinations (keysend with a splitting strategy, a graph
/// generator without the fields it needs) were refused. Printing `yaml` and reading it back gives an
/// equal scenario.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var seed: UInt64
    public var replications: Int
    public var rng: GeneratorKind
    public var graph: GraphSpec
    public var network: NetworkSpec
    public var workload: WorkloadSpec
    public var payment: PaymentSpec
    public var routing: RoutingSpec
    public var receiver: ReceiverSpec
    public var output: OutputSpec
    public var sweep: SweepSpec?
    /// Folder that relative paths in the scenario (graph.path, workload.replay) are read from.
    public var baseDirectory: String

    public static let maxReplications = 100_000
    static let fields = ["name", "description", "seed", "replications", "rng", "graph", "network", "workload", "payment",
                         "routing", "receiver", "output", "sweep"]

    /// Decodes a whole tree, collecting every problem into `context`.
    static func decode(_ root: Node, context: DecodeContext, baseDirectory: String) -> Scenario {
        let r = MapReader(root, path: "", context: context)
        let name = r.string("name", default: nil)
        if !name.isEmpty && !name.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) || name.hasPrefix(".") {
            r.report("name", expected: "a name of letters, digits, '.', '_' or '-' (it names the output folder)")
        }
        let description = r.optionalString("description")
        let seed = r.uint64("seed", default: 1)
        let replications = r.int("replications", default: 1, min: 1, max: maxReplications)
        var rng = GeneratorKind.mt19937
        if let node = r.value("rng") {
            if let text = ScalarParsing.string(node), let kind = GeneratorKind(name: text) {
                rng = kind
            } else {
                let hint = ScalarParsing.string(node).map { Suggestion.hint(for: $0, among: GeneratorKind.all) } ?? ""
                r.report("rng", expected: "a GSL generator name such as mt19937, ranlxd2 or taus2\(hint)")
            }
        }
        let graph = GraphSpec.read(r.section("graph"))
        let network = NetworkSpec.read(r.section("network"))
        let workload = WorkloadSpec.read(r.section("workload"))
        let payment = PaymentSpec.read(r.section("payment"))
        let routing = RoutingSpec.read(r.section("routing"))
        let receiver = ReceiverSpec.read(r.section("receiver"))
        let output = OutputSpec.read(r.section("output"), name: name.isEmpty ? "unnamed" : name)
        var sweep: SweepSpec?
        if r.has("sweep") { sweep = SweepSpec.read(r.section("sweep")) } else { _ = r.value("sweep") }
        if workload.recurring != nil && payment.protocol != .amp {
            context.report(r.section("workload").anchor("recurring"), "workload.recurring",
                           expected: "protocol amp for reusable invoices (only AMP invoices can be paid more than once)",
                           found: "protocol \(payment.protocol.rawValue)")
        }
        r.finish(known: fields)
        return Scenario(name: name, description: description, seed: seed, replications: replications, rng: rng, graph: graph,
                        network: network, workload: workload, payment: payment, routing: routing, receiver: receiver,
                        output: output, sweep: sweep, baseDirectory: baseDirectory)
    }

    /// The resolved scenario as a YAML tree, every default written out.
    public var node: Node {
        var pairs: [(String, Node)] = [("name", YAMLBuild.string(name))]
        if let description { pairs.append(("description", YAMLBuild.string(description))) }
        pairs += [
            ("seed", YAMLBuild.uint(seed)),
            ("replications", YAMLBuild.int(replications)),
            ("rng", YAMLBuild.string(rng.name)),
            ("graph", graph.node),
            ("network", network.node),
            ("workload", workload.node),
            ("payment", payment.node),
            ("routing", routing.node),
            ("receiver", receiver.node),
            ("output", output.node),
        ]
        if let sweep { pairs.append(("sweep", sweep.node)) }
        return YAMLBuild.map(pairs)
    }

    /// The resolved scenario as YAML text.
    public var yaml: String {
        (try? Yams.serialize(node: node, width: -1)) ?? ""
    }

    /// A path from the scenario (graph.path, workload.replay) as a path usable from the working folder.
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: baseDirectory, isDirectory: true)).standardizedFileURL.path
    }
}
