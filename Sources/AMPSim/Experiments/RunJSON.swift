import Foundation

/// run.json, the one output that may hold what varies between machines: the version, the resolved
/// scenario, its seeds and every stream seed, wall time and host.
///
/// Guarantees: the same keys in every run.json (`ampsim run` and each sweep run), plus the caller's
/// own; keys sorted, so only wall time and host differ between two runs of the same scenario.
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
    static func text(_ scenario: Scenario, wallSeconds: Double, fields: [String: Any]) -> String {
        var object: [String: Any] = [
            "ampsim_version": AMPSimVersion.string,
            "scenario_yaml": scenario.yaml,
            "seed": String(scenario.seed),
            "rng": scenario.rng.name,
            "wall_seconds": (wallSeconds * 1000).rounded() / 1000,
            "host": ProcessInfo.processInfo.hostName,
        ]
        object.merge(fields) { _, new in new }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
