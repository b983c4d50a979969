import AMPSim
import ArgumentParser
import Foundation

/// `ampsim graph`: builds (generates or imports) the channel graph of a scenario, prints its shape
/// figures, and optionally exports it for CLoTH or for networkx / R.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Build a scenario's channel graph (or import a snapshot) and print its shape figures.",
        discussion: """
        The graph is built exactly as a run builds it (same seed, same random streams). With --from, INPUT \
        is a graph file (lnd describegraph JSON, CLN listchannels JSON, plain or .xz) or a CLoTH folder, \
        read with scenario defaults (seed 1, balance uniform, policy lnd) unless --set changes them.

        --json prints one JSON object (sorted keys): nodes, channels, usable_directions, skipped, \
        skipped_by_reason, degree_mean, degree_median, degree_one_share, degree_max, powerlaw_alpha, \
        powerlaw_tail_nodes, assortativity, capacity_median_sat, capacity_mean_sat, lognormal_mu, \
        lognormal_sigma, components, largest_component_nodes, avg_shortest_path_hops.

        --export takes a format and a destination and may be repeated:
          cloth DIR          CLoTH's nodes.csv, channels.csv, edges.csv (msat)
          edgelist FILE.csv  one row per channel direction: source, target,
                             channel_id, capacity_msat, balance_msat,
                             fee_base_msat, fee_rate_ppm, cltv_delta

        Examples:
          ampsim graph Scenarios/quickstart.yaml --set graph.nodes=17000 --json
          ampsim graph --from lnd data/lnd-describegraph-2019-03-09.json.xz \\
              --set graph.largest_component=true
          ampsim graph Scenarios/quickstart.yaml --export cloth out/cloth \\
              --export edgelist out/graph.csv

        Exit status: 0 on success, 2 when an input (scenario, override, graph \
        file) is not valid.
        """
    )

    @Argument(help: "The scenario file (YAML), or with --from the graph file or CLoTH folder.")
    var input: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario field; repeatable.", valueName: "path.to.field=value"))
    var overrides: [String] = []

    @Option(help: ArgumentHelp("Import INPUT as a graph of this format instead of reading a scenario.", valueName: "lnd|cln|cloth"))
    var from: String?

    @Option(parsing: .unconditional, help: "Which replication's random streams to build the graph with.")
    var replication = "0"

    @Flag(help: "Read graph files larger than the resource limits (1 GiB on disk, 4 GiB decompressed).")
    var allowLarge = false

    @Flag(help: "Print the figures as one JSON object.")
    var json = false

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Export the graph: 'cloth DIR' or 'edgelist FILE.csv'; repeatable.", valueName: "format destination"))
    var export: [String] = []

    /// The --export pairs (format, destination), checked.
    func exports() throws -> [(format: String, destination: String)] {
        var pairs: [(format: String, destination: String)] = []
        for i in stride(from: 0, to: export.count, by: 2) {
            guard ["cloth", "edgelist"].contains(export[i]) else {
                throw InputError(location: "--export \(export[i])", expected: "a format cloth or edgelist", found: "'\(export[i])'")
            }
            guard i + 1 < export.count else {
                throw InputError(location: "--export \(export[i])", expected: "a format and a destination: cloth DIR or edgelist FILE.csv",
                                 found: "no destination")
            }
            pairs.append((export[i], export[i + 1]))
        }
        return pairs
    }

    func run() throws {
        try InputFailure.exitOnInputError {
            let exports = try exports()
            let from = try self.from.map { try OptionValue.choice($0, flag: "--from", as: GraphFormat.self) }
            let replication = try OptionValue.integer(self.replication, flag: "--replication", in: 0...(Scenario.maxReplications - 1),
                                                      "the replication whose random streams build the graph")
            let parsed = try overrides.map { try Override.parse($0) }
            let scenario: Scenario
            if let from {
                let text = """
                name: graph
                graph:
                  generator: import
                  format: \(from.rawValue)
                  path: \(Self.quoted(input))
                """
                scenario = try ScenarioLoader.load(text: text, label: "--from", overrides: parsed)
            } else {
                scenario = try ScenarioLoader.load(path: input, overrides: parsed)
            }
            let (graph, report) = try GraphFactory.build(scenario, replication: replication, limits: allowLarge ? .unlimited : .standard)
            let stream = RandomStream(kind: scenario.rng, seed: scenario.seed, replication: replication, purpose: .analysis)
            let analysis = GraphAnalysis(graph, report: report, stream: stream)
            for e in exports {
                if e.format == "cloth" {
                    try ClothExporter.write(graph, to: e.destination)
                } else {
                    try EdgeListExporter.write(graph, to: e.destination)
                }
            }
            if json {
                print(analysis.json)
            } else {
                if let report { print(report.description + "\n") }
                print(analysis.text, terminator: "")
                for e in exports { print("exported \(e.format) to \(e.destination)") }
            }
        }
    }

    /// A YAML double-quoted scalar for any path.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
