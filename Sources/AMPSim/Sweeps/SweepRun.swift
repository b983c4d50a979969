import Foundation

/// One run of a sweep: replication `id.replication` of grid point `id.point`, simulated with
/// `RunExperiment.replicate` and turned into the run folder's files.
///
/// Guarantees: payments.csv and summary.csv (and parts.csv / channels.csv when the scenario's `output`
/// asks) hold exactly the rows `ampsim run` writes for that replication of that point's scenario (same
/// columns, same bytes); wall time, host and the provenance (the sweep's command line, the commit, the
/// run's start and end) appear only in run.json.
public enum SweepRun {
    public static func files(_ plan: SweepPlan, _ id: SweepRunID, limits: ResourceLimits = .standard,
                             provenance: Provenance = .unknown) throws -> [(name: String, text: String)] {
        let started = Date()
        let scenario = plan.points[id.point]
        let result = try RunExperiment.replicate(scenario, replication: id.replication, limits: limits)
        let json = runJSON(plan, id, provenance: provenance, started: started, ended: Date())
        var files = [
            ("payments.csv", PaymentsTable.header + result.paymentsCSV),
            ("summary.csv", ReplicationSummary.header + result.summary.row),
        ]
        if scenario.output.parts { files.append(("parts.csv", PartsTable.header + result.partsCSV)) }
        if scenario.output.channels { files.append(("channels.csv", ChannelsTable.header + result.channelsCSV)) }
        return files + [("run.json", json)]
    }

    /// run.json: the run's id, parameters, scenario and stream seeds, plus what varies between machines.
    static func runJSON(_ plan: SweepPlan, _ id: SweepRunID, provenance: Provenance, started: Date, ended: Date) -> String {
        let scenario = plan.points[id.point]
        var parameters: [String: String] = [:]
        for s in plan.grid.settings(of: id.point) { parameters[s.path] = s.value }
        return RunJSON.text(scenario, provenance: provenance, started: started, ended: ended, fields: [
            "run_id": id.text, "point": id.point, "replication": id.replication, "parameters": parameters,
            "stream_seeds": RunJSON.streamSeeds(scenario, replication: id.replication),
        ])
    }
}
