import CGSL
import Foundation

/// What made a set of results, for run.json and sweep.json (never for a CSV): the command line, the
/// ampsim version and the git commit it was built from, the GSL library loaded, and when it ran.
///
/// Guarantees: `commit` is a full git hash or `unknown` (a build outside a git checkout, or a library
/// user that did not say); `gslVersion` is the version of the GSL library actually loaded; times are
/// ISO 8601 in UTC to the second (`2026-12-06T21:04:05Z`); `fields` always holds the same keys.
public struct Provenance: Sendable, Equatable {
    /// The full command line, program name first.
    public var arguments: [String]
    public var version: String
    public var commit: String
    /// The binary's sources differed from `commit` when it was built.
    public var modified: Bool
    public var gslVersion: String

    public init(arguments: [String], commit: String, modified: Bool, version: String = AMPSimVersion.string) {
        self.arguments = arguments
        self.commit = commit
        self.modified = modified
        self.version = version
        gslVersion = Self.loadedGSLVersion
    }

    /// For results made through the library without a command line (tests, other programs).
    public static var unknown: Provenance { Provenance(arguments: [], commit: "unknown", modified: false) }

    /// The version string of the GSL library loaded at run time.
    public static var loadedGSLVersion: String { String(cString: ampsim_gsl_version()) }

    /// `ampsim --version`: "ampsim 0.2.0 (commit 1a2b3c4)", with ", modified" when the sources differed.
    public var versionLine: String {
        let short = commit == "unknown" ? commit : String(commit.prefix(7))
        return "ampsim \(version) (commit \(short)\(modified ? ", modified" : ""))"
    }

    /// A time as ISO 8601 UTC to the second.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The JSON fields of a run or sweep that started at `started` and ended at `ended`.
    public func fields(started: Date, ended: Date) -> [String: Any] {
        [
            "ampsim_version": version,
            "git_commit": commit,
            "git_modified": modified,
            "gsl_version": gslVersion,
            "command_line": arguments,
            "working_directory": FileManager.default.currentDirectoryPath,
            "started_utc": Self.timestamp(started),
            "ended_utc": Self.timestamp(ended),
            "wall_seconds": (ended.timeIntervalSince(started) * 1000).rounded() / 1000,
        ]
    }
}
