import Foundation

/// A sweep's output folder: `scenario.yaml`, `runs.csv`, `runs/<run_id>/` (each run's files and its
/// `done` marker), `summary.csv`, `summary_ci.csv`, `paired.csv` and `sweep.json`.
///
/// Guarantees: a fresh sweep starts only in a missing or empty folder (or, when asked to replace, in a
/// folder from which an earlier sweep's files were removed), and `--resume` continues only a
/// folder whose scenario.yaml and runs.csv are byte for byte those of the plan — otherwise an
/// `InputError` and nothing is touched; a run is finished exactly when its `done` marker exists, and
/// the marker is renamed into place after every other file of the run; preparing a resume deletes
/// every unfinished run folder and stray temporary file, so no half-written file survives.
public struct SweepFolder: Sendable {
    public let path: String

    public init(_ path: String) { self.path = path }

    public static let marker = "done"

    public var runsPath: String { path + "/runs" }
    public func runPath(_ id: SweepRunID) -> String { runsPath + "/" + id.text }
    public func isFinished(_ id: SweepRunID) -> Bool { FileManager.default.fileExists(atPath: runPath(id) + "/" + Self.marker) }

    /// The files a sweep writes at the top of its folder (besides `runs/`).
    public static let ownFiles = ["scenario.yaml", "runs.csv", "summary.csv", "summary_ci.csv", "paired.csv", "sweep.json"]

    /// Removes what a sweep wrote in this folder: its own files, every run folder in `runs/` (then
    /// `runs/` itself when nothing else is left in it) and stray temporary files; anything else stays.
    public func removeOwnFiles() throws {
        let fm = FileManager.default
        removeStrayTemporaries(in: path)
        removeStrayTemporaries(in: runsPath)
        let runs = ((try? fm.contentsOfDirectory(atPath: runsPath)) ?? []).filter { SweepRunID.parse($0) != nil }
        try OutputFolder.remove(Self.ownFiles.map { path + "/" + $0 } + runs.map { runsPath + "/" + $0 })
        if (try? fm.contentsOfDirectory(atPath: runsPath))?.isEmpty == true { try OutputFolder.remove([runsPath]) }
    }

    /// Makes the folder ready for `plan` and returns the runs already finished (empty unless resuming).
    /// With `replace` (`ampsim compare --force`), a folder holding files is accepted as for a fresh
    /// sweep once `removeOwnFiles` has removed an earlier sweep's files.
    public func prepare(_ plan: SweepPlan, resume: Bool, replace: Bool = false) throws -> Set<SweepRunID> {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw InputError(location: path, path: "--out", expected: "a folder", found: "a file")
        }
        let entries = exists ? ((try? fm.contentsOfDirectory(atPath: path)) ?? []) : []
        if !entries.isEmpty && replace && !resume {
            try removeOwnFiles()
        } else if !entries.isEmpty {
            guard resume else {
                throw InputError(location: path, path: "--out", expected: "a new or empty folder (or --resume to continue the sweep in it)",
                                 found: "a folder with \(entries.count) entries")
            }
            try checkSame(plan)
            removeStrayTemporaries(in: path)
            var finished = Set<SweepRunID>()
            for id in plan.runs {
                if isFinished(id) { finished.insert(id) } else if fm.fileExists(atPath: runPath(id)) { try fm.removeItem(atPath: runPath(id)) }
            }
            try fm.createDirectory(atPath: runsPath, withIntermediateDirectories: true)
            return finished
        }
        try OutputFolder.create(path, field: "--out")
        try OutputFolder.create(runsPath, field: "--out")
        var writer = AtomicFileWriter()
        try writer.stage(plan.scenarioYAML, to: path + "/scenario.yaml")
        try writer.stage(plan.runsCSV, to: path + "/runs.csv")
        try writer.commit()
        return []
    }

    /// Refuses a folder made from another scenario, grid, replication count, shard or version.
    func checkSame(_ plan: SweepPlan) throws {
        guard let stored = try? String(contentsOfFile: path + "/scenario.yaml", encoding: .utf8) else {
            throw InputError(location: path, path: "--resume", expected: "a sweep folder (holding scenario.yaml)", found: "a folder without one")
        }
        if let difference = Self.firstDifference(stored, plan.scenarioYAML) {
            throw InputError(location: path + "/scenario.yaml", path: "--resume",
                             expected: "the scenario this sweep was started with (use another --out for a new sweep)",
                             found: "a different one: line \(difference.line) is '\(difference.old)' in the folder, '\(difference.new)' now")
        }
        let runs = (try? String(contentsOfFile: path + "/runs.csv", encoding: .utf8)) ?? ""
        if runs != plan.runsCSV {
            throw InputError(location: path + "/runs.csv", path: "--resume", expected: "the runs of --shard \(plan.shard) (\(plan.runs.count) runs)",
                             found: "a different list of runs (was the folder made with another --shard?)")
        }
    }

    /// The first line where two texts differ, or nil when they are equal.
    static func firstDifference(_ a: String, _ b: String) -> (line: Int, old: String, new: String)? {
        guard a != b else { return nil }
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
            return (i + 1, i < x.count ? String(x[i]) : "", i < y.count ? String(y[i]) : "")
        }
        return (1, "", "")
    }

    /// Deletes `NAME.tmp-PID` files left by a killed writer.
    func removeStrayTemporaries(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.contains(".tmp-") {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// Undoes the `prepare` of a fresh sweep that wrote no run: removes `created` (the outermost folder
    /// `prepare` had to make), or else the files `prepare` put in a folder that was empty before.
    public func removeFresh(created: String?) {
        let fm = FileManager.default
        if let created {
            try? fm.removeItem(atPath: created)
            return
        }
        for name in ["scenario.yaml", "runs.csv"] { try? fm.removeItem(atPath: path + "/" + name) }
        OutputFolder.removeIfEmpty(runsPath)
    }

    /// Writes a finished run: its files, then its `done` marker.
    public func writeRun(_ id: SweepRunID, files: [(name: String, text: String)]) throws {
        let folder = runPath(id)
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var writer = AtomicFileWriter()
        for file in files { try writer.stage(file.text, to: folder + "/" + file.name) }
        try writer.commit()
        try writer.stage(id.text + "\n", to: folder + "/" + Self.marker)
        try writer.commit()
    }
}
