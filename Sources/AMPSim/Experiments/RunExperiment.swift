import Foundation

/// One `ampsim run`: every replication of a scenario, its outputs written atomically.
///
/// Guarantees: payments.csv, summary.csv, summary_ci.csv, run.json, and parts.csv / channels.csv when
/// `output.parts` / `output.channels` ask for them, appear together or not at all (temporary names,
/// renamed at the end); the CSVs depend only on the scenario, its seed and the ampsim version (wall
/// times and host names go to run.json only); replication r uses graph, balances and payments drawn
/// from streams seeded by (seed, r, purpose), whatever the protocol or strategy. The output folder is
/// checked to be writable before any replication runs; files are written under an `OutputGuard`, so an
/// interrupt either waits for the whole set or finds none of it written. A folder holding files is
/// never overwritten unless asked (`replace`, `--force`), and then no optional file of an earlier run
/// stays beside the new ones.
public enum RunExperiment {
    /// The files every run writes.
    public static let files = ["payments.csv", "summary.csv", "summary_ci.csv", "run.json"]
    /// The files a run writes when `output.parts` / `output.channels` ask, in that order.
    public static let optionalFiles = ["parts.csv", "channels.csv"]

    /// What one replication produced.
    public struct Replication {
        public var summary: ReplicationSummary
        public var paymentsCSV: String
        /// parts.csv rows (no header); empty unless `output.parts`.
        public var partsCSV = ""
        /// channels.csv rows (no header); empty unless `output.channels`.
        public var channelsCSV = ""
    }

    /// The payments of replication `replication`: the replayed file when `workload.replay` names one,
    /// otherwise drawn by `Workload`.
    public static func payments(_ scenario: Scenario, graph: ChannelGraph, replication: Int,
                                limits: ResourceLimits = .standard) throws -> [PaymentSpecRecord] {
        if let replay = scenario.workload.replay {
            return try PaymentReplay.read(path: scenario.resolve(replay), label: replay, graph: graph, limits: limits)
        }
        return try Workload.generate(scenario, graph: graph, replication: replication)
    }

    /// Simulates replication `replication`.
    public static func replicate(_ scenario: Scenario, replication: Int, limits: ResourceLimits = .standard) throws -> Replication {
        let (graph, _) = try GraphFactory.build(scenario, replication: replication, limits: limits)
        try ScenarioPreflight.checkUsable(graph, scenario: scenario)
        let workload = try payments(scenario, graph: graph, replication: replication, limits: limits)
        let simulation = try Simulation(scenario: scenario, graph: graph, replication: replication)
        let records = simulation.run(workload)
        let summary = ReplicationSummary(replication: replication, records: records, network: simulation.finalNetwork,
                                         pathSearches: simulation.pathSearches, events: simulation.eventsProcessed, label: RunLabel(scenario))
        var result = Replication(summary: summary, paymentsCSV: PaymentsTable.rows(records, replication: replication, graph: graph, payment: scenario.payment))
        if scenario.output.parts {
            result.partsCSV = PartsTable.rows(simulation.partRecords(), replication: replication)
        }
        if scenario.output.channels {
            result.channelsCSV = ChannelsTable.rows(simulation.finalNetwork, duration: simulation.endTime, replication: replication)
        }
        return result
    }

    /// Runs every replication and writes the output folder. `progress` hears one line per replication.
    /// Graph files are read within `limits`; `outputGuard` (shared with a SIGINT handler) serialises
    /// the final writes with an interrupt.
    /// A folder that already holds files is refused (an `InputError` naming `field`, before any
    /// replication runs) unless `replace`, which overwrites the run's own files and removes the
    /// optional ones this run does not write (a parts.csv of an earlier run with `output.parts`).
    /// `provenance` (command line, commit) goes to run.json.
    public static func run(_ scenario: Scenario, outputDir: String, limits: ResourceLimits = .standard, replace: Bool = false,
                           field: String = "output.dir", outputGuard: OutputGuard = OutputGuard(), provenance: Provenance = .unknown,
                           progress: (String) -> Void = { _ in }) throws -> [ReplicationSummary] {
        try ScenarioPreflight.check(scenario, runs: 1, limits: limits)
        if !replace { try OutputFolder.requireEmpty(outputDir, field: field) }
        let created = try OutputFolder.prepare(outputDir)
        outputGuard.track(createdFolder: created)
        do {
            return try runAndWrite(scenario, outputDir: outputDir, limits: limits, outputGuard: outputGuard, provenance: provenance,
                                   progress: progress)
        } catch {
            OutputFolder.removeIfEmpty(created)
            throw error
        }
    }

    static func runAndWrite(_ scenario: Scenario, outputDir: String, limits: ResourceLimits, outputGuard: OutputGuard,
                            provenance: Provenance, progress: (String) -> Void) throws -> [ReplicationSummary] {
        let started = Date()
        var payments = PaymentsTable.header
        var summary = ReplicationSummary.header
        var parts = PartsTable.header
        var channels = ChannelsTable.header
        var summaries: [ReplicationSummary] = []
        for r in 0..<scenario.replications {
            let result = try replicate(scenario, replication: r, limits: limits)
            payments += result.paymentsCSV
            parts += result.partsCSV
            channels += result.channelsCSV
            summary += result.summary.row
            summaries.append(result.summary)
            progress("replication \(r + 1)/\(scenario.replications) done")
        }
        let json = runJSON(scenario, provenance: provenance, started: started, ended: Date())
        try outputGuard.write {
            try OutputFolder.prepare(outputDir)
            var writer = AtomicFileWriter()
            try writer.stage(payments, to: "\(outputDir)/payments.csv")
            try writer.stage(summary, to: "\(outputDir)/summary.csv")
            let label = RunLabel(scenario)
            try writer.stage(IntervalSummary.header(prefix: RunLabel.columns) + IntervalSummary.csv(IntervalSummary.rows(summaries), prefix: label.fields),
                             to: "\(outputDir)/summary_ci.csv")
            if scenario.output.parts { try writer.stage(parts, to: "\(outputDir)/parts.csv") }
            if scenario.output.channels { try writer.stage(channels, to: "\(outputDir)/channels.csv") }
            try writer.stage(json, to: "\(outputDir)/run.json")
            try writer.commit()
            let stale = zip(optionalFiles, [scenario.output.parts, scenario.output.channels]).filter { !$0.1 }.map(\.0)
            try OutputFolder.remove(stale.map { "\(outputDir)/\($0)" })
        }
        return summaries
    }

    /// run.json: the resolved scenario, seeds of every replication, version, and what varies between machines.
    static func runJSON(_ scenario: Scenario, provenance: Provenance, started: Date, ended: Date) -> String {
        var seeds: [String: [String: String]] = [:]
        for r in 0..<scenario.replications { seeds[String(r)] = RunJSON.streamSeeds(scenario, replication: r) }
        return RunJSON.text(scenario, provenance: provenance, started: started, ended: ended,
                            fields: ["scenario_name": scenario.name, "replications": scenario.replications, "stream_seeds": seeds])
    }
}
