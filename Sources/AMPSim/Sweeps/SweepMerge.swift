import Foundation

/// `ampsim summarize DIR1 DIR2 ... --out DIR`: the shard folders of one sweep merged into one folder.
///
/// Guarantees: every input folder holds the same scenario.yaml (same scenario, grid, replications and
/// version) and only finished runs, and no run is in two folders — otherwise an `InputError` and
/// nothing is written; DIR is new, empty, or an earlier merge of the same sweep (not a folder that
/// `ampsim sweep` wrote, and holding nothing in runs/ but run folders); each run folder is linked or
/// copied under a temporary name and renamed into place, then runs.csv lists the union in
/// (point, replication) order and the summaries are rebuilt — the same bytes as one unsharded sweep.
/// Nothing of an earlier merge stays behind: its runs that the inputs do not hold are removed, and its
/// paired.csv unless `pair` is given (files a merge does not write, such as figures, are left alone).
public enum SweepMerge {
    @discardableResult
    public static func merge(_ inputs: [String], into out: String, pair: String? = nil) throws -> SweepSummary.Folder {
        let fm = FileManager.default
        let standardized = { (p: String) in URL(fileURLWithPath: p).standardizedFileURL.path }
        guard !inputs.map(standardized).contains(standardized(out)) else {
            throw InputError(location: out, path: "--out", expected: "a folder other than the folders merged", found: "one of them")
        }
        let folders = try inputs.map { try SweepSummary.Folder($0) }
        var owner: [SweepRunID: String] = [:]
        for folder in folders {
            if let difference = SweepFolder.firstDifference(folders[0].scenarioYAML, folder.scenarioYAML) {
                throw InputError(location: folder.path + "/scenario.yaml", expected: "the scenario of \(folders[0].path) (shards of one sweep)",
                                 found: "a different one: line \(difference.line) is '\(difference.new)', not '\(difference.old)'")
            }
            for id in folder.runs {
                if let other = owner[id] {
                    throw InputError(location: folder.path, expected: "each run in one folder only", found: "run \(id) in \(other) too")
                }
                guard SweepFolder(folder.path).isFinished(id) else {
                    throw InputError(location: SweepFolder(folder.path).runPath(id), expected: "a finished run (its 'done' marker)",
                                     found: "none: finish that shard first (rerun it with --resume)")
                }
                owner[id] = folder.path
            }
        }
        let target = SweepFolder(out)
        let entries = (try? fm.contentsOfDirectory(atPath: out)) ?? []
        var stale: [String] = []
        if !entries.isEmpty {
            let existing = try? String(contentsOfFile: out + "/scenario.yaml", encoding: .utf8)
            guard existing == folders[0].scenarioYAML else {
                throw InputError(location: out, path: "--out", expected: "a new or empty folder, or an earlier merge of the same sweep",
                                 found: "a folder with \(entries.count) entries")
            }
            guard !entries.contains("sweep.json") else {
                throw InputError(location: out, path: "--out", expected: "a new or empty folder, or an earlier merge of the same sweep",
                                 found: "the folder of a sweep (it holds sweep.json)")
            }
            for name in ((try? fm.contentsOfDirectory(atPath: target.runsPath)) ?? []).sorted() where !name.contains(".tmp-") {
                guard let id = SweepRunID.parse(name) else {
                    throw InputError(location: target.runsPath, path: "--out", expected: "only run folders (p<point>-r<replication>) in an earlier merge",
                                     found: "'\(name)'")
                }
                if owner[id] == nil { stale.append(target.runPath(id)) }
            }
            if pair == nil { stale.append(out + "/paired.csv") }
        }
        do {
            try fm.createDirectory(atPath: target.runsPath, withIntermediateDirectories: true)
        } catch {
            throw InputError(location: out, path: "--out", expected: "a folder that can be created", found: OutputFolder.reason(error))
        }
        target.removeStrayTemporaries(in: out)
        target.removeStrayTemporaries(in: target.runsPath)
        for (id, source) in owner.sorted(by: { $0.key < $1.key }) where !target.isFinished(id) {
            try copyRun(from: SweepFolder(source).runPath(id), to: target.runPath(id))
        }
        var writer = AtomicFileWriter()
        try writer.stage(folders[0].scenarioYAML, to: out + "/scenario.yaml")
        try writer.stage(SweepTables.runsCSV(Array(owner.keys), grid: folders[0].grid), to: out + "/runs.csv")
        try writer.commit()
        for path in stale where fm.fileExists(atPath: path) {
            do { try fm.removeItem(atPath: path) } catch {
                throw InputError(location: path, path: "--out", expected: "a file of an earlier merge that can be removed", found: "\(error.localizedDescription)")
            }
        }
        return try SweepSummary.write(out, pair: pair)
    }

    /// Links (or copies) every file of a run folder into a temporary folder, then renames it into place.
    static func copyRun(from source: String, to destination: String) throws {
        let fm = FileManager.default
        let temporary = destination + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try? fm.removeItem(atPath: temporary)
        try? fm.removeItem(atPath: destination)
        do {
            try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: source).sorted() where !name.contains(".tmp-") {
                let from = source + "/" + name, to = temporary + "/" + name
                if (try? fm.linkItem(atPath: from, toPath: to)) == nil { try fm.copyItem(atPath: from, toPath: to) }
            }
            try fm.moveItem(atPath: temporary, toPath: destination)
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw InputError(location: destination, path: "--out", expected: "a writable folder", found: OutputFolder.reason(error))
        }
    }
}
