import Foundation

/// run.json, the one output that may hold what varies between machines: the resolved scenario, its
/// seeds and every stream seed, the provenance (command line, version, git commit, GSL version, start
/// and end times in UTC, wall time, working folder) and the host.
///
/// Guarantees: the same keys in every run.json (`ampsim run` and each sweep run), plus the caller's
/// own; keys sorted, so only the provenance and the host differ between two runs of the same scenario.
enum RunJSON {
    /// The GSL seed of every stream purpose of replication `replication`.
    static func streamSeeds(_ scenario: Scenario, replication: Int) -> [String: String] {
        var seeds: [String: String] = [:]
        for purpose in StreamPurpose.allCases {
            seeds["\(purpose)"] = String(StreamSeed.derive(seed: scenario.seed, replication: replication, purpose: purpose))
        }
        return seeds
    }

    /// The document: the common keys, then `fields` (which may add `stream_seeds` and anything else).
    static func text(_ scenario: Scenario, provenance: Provenance, started: Date, ended: Date, fields: [String: Any]) -> String {
        var object: [String: Any] = [
            "scenario_yaml": scenario.yaml,
            "seed": String(scenario.seed),
            "rng": scenario.rng.name,
            "host": ProcessInfo.processInfo.hostName,
        ]
        object.merge(provenance.fields(started: started, ended: ended)) { _, new in new }
        object.merge(fields) { _, new in new }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
