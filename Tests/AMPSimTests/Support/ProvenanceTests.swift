import Foundation
import Testing
@testable import AMPSim

/// run.json and sweep.json name what made them: command line, version, git commit, GSL version, start
/// and end in UTC; `ampsim --version` prints the version and the commit.
@Suite struct ProvenanceTests {
    static func isISO(_ text: String) -> Bool { text.wholeMatch(of: #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/#) != nil }

    @Test func formats() {
        #expect(Provenance.timestamp(Date(timeIntervalSince1970: 1_796_591_045)) == "2026-12-06T21:04:05Z")
        var p = Provenance(arguments: ["ampsim", "run", "x.yaml"], commit: "0123456789abcdef0123456789abcdef01234567", modified: false)
        #expect(p.versionLine == "ampsim \(AMPSimVersion.string) (commit 0123456)")
        p.modified = true
        #expect(p.versionLine == "ampsim \(AMPSimVersion.string) (commit 0123456, modified)")
        #expect(Provenance.unknown.versionLine == "ampsim \(AMPSimVersion.string) (commit unknown)")
        #expect(p.gslVersion.wholeMatch(of: #/\d+\.\d+(\.\d+)?/#) != nil, "\(p.gslVersion)")
        let fields = p.fields(started: Date(timeIntervalSince1970: 0), ended: Date(timeIntervalSince1970: 1.5))
        #expect(Set(fields.keys) == ["ampsim_version", "git_commit", "git_modified", "gsl_version", "command_line", "working_directory",
                                     "started_utc", "ended_utc", "wall_seconds"])
        #expect(fields["started_utc"] as? String == "1970-01-01T00:00:00Z" && fields["wall_seconds"] as? Double == 1.5)
    }

    /// The commit this checkout is at (nil when git or the repository is not there).
    static func headCommit() throws -> String? {
        let git = try? CommandRun.run("/usr/bin/env", ["git", "-C", TestPaths.packageRoot, "rev-parse", "HEAD"])
        guard let git, git.status == 0 else { return nil }
        return git.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Checks the provenance keys of a run.json or sweep.json; returns the object.
    @discardableResult
    static func expectProvenance(_ path: String, arguments: [String]) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
        #expect(json["ampsim_version"] as? String == AMPSimVersion.string)
        #expect((json["command_line"] as? [String]).map { Array($0.dropFirst()) } == arguments, "\(path)")
        #expect((json["command_line"] as? [String])?.first?.hasSuffix("ampsim") == true)
        let commit = json["git_commit"] as? String ?? ""
        #expect(commit == "unknown" || commit.wholeMatch(of: #/[0-9a-f]{40}/#) != nil, "\(commit)")
        if let head = try headCommit() { #expect(commit == head) }
        #expect(json["git_modified"] is Bool)
        #expect((json["gsl_version"] as? String)?.wholeMatch(of: #/\d+\.\d+(\.\d+)?/#) != nil)
        let started = json["started_utc"] as? String ?? "", ended = json["ended_utc"] as? String ?? ""
        #expect(isISO(started) && isISO(ended), "\(started) \(ended)")
        #expect(started <= ended)
        #expect(json["wall_seconds"] is Double || json["wall_seconds"] is Int)
        return json
    }

    @Test func runAndSweepRecordTheirProvenance() throws {
        let out = TestPaths.scratch() + "/run"
        let args = ["run", TestPaths.scenario("quickstart.yaml"), "--out", out, "--quiet", "--set", "graph.nodes=40", "--set", "workload.payments=10"]
        #expect(try CommandRun.ampsim(args).status == 0)
        try Self.expectProvenance(out + "/run.json", arguments: args)
        let sweep = TestPaths.scratch() + "/sweep"
        let sweepArgs = ["sweep", TestPaths.scenario("quickstart.yaml"), "--out", sweep, "--quiet", "--set", "graph.nodes=40",
                         "--set", "workload.payments=10", "--vary", "payment.protocol=mpp,amp"]
        #expect(try CommandRun.ampsim(sweepArgs).status == 0)
        try Self.expectProvenance(sweep + "/sweep.json", arguments: sweepArgs)
        try Self.expectProvenance(sweep + "/runs/p001-r00/run.json", arguments: sweepArgs)
    }

    @Test func versionPrintsTheCommit() throws {
        let version = try CommandRun.ampsim(["--version"])
        #expect(version.status == 0)
        let line = version.stdout.trimmingCharacters(in: .newlines)
        let match = line.wholeMatch(of: #/ampsim (\d+\.\d+\.\d+) \(commit ([0-9a-f]{7}|unknown)(, modified)?\)/#)
        #expect(match != nil, "\(line)")
        #expect(match.map { String($0.1) } == AMPSimVersion.string)
        if let head = try Self.headCommit() { #expect(match.map { String($0.2) } == String(head.prefix(7))) }
    }
}
