import Foundation

/// Checks an output folder before results are computed, so a run never finishes only to find it
/// cannot write them.
///
/// Guarantees: `prepare` creates the folder if needed and writes then removes a probe file in it, or
/// throws an `InputError` naming the folder and the reason (a file in the way, no permission, a
/// read-only or full disk); it never touches existing files. `removeIfEmpty` undoes what `prepare`
/// created when no result was written after all.
public enum OutputFolder {
    /// Makes sure results can be written to `dir`; returns the outermost folder it had to create.
    /// `field` names, in messages, what chose the folder (`output.dir`, `--out`, `--export cloth`).
    @discardableResult
    public static func prepare(_ dir: String, field: String = "output.dir") throws -> String? {
        let created = try create(dir, field: field)
        let probe = "\(dir)/.ampsim-probe-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: probe) }
        do {
            try Data("probe\n".utf8).write(to: URL(fileURLWithPath: probe))
        } catch {
            removeIfEmpty(created)
            throw InputError(location: dir, path: field, expected: "a folder where files can be written", found: reason(error))
        }
        return created
    }

    /// Creates `dir` (and its missing parents) or says why it cannot be (a file in the way, no
    /// permission); returns the outermost folder it created.
    @discardableResult
    public static func create(_ dir: String, field: String) throws -> String? {
        let created = outermostMissing(dir)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw InputError(location: dir, path: field, expected: "a folder for the results", found: "a file")
        }
        if let created {
            let parent = URL(fileURLWithPath: created).deletingLastPathComponent().path
            if FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw InputError(location: dir, path: field, expected: "a folder that can be created", found: "'\(parent)' is a file")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw InputError(location: dir, path: field, expected: "a folder that can be created", found: reason(error))
        }
        return created
    }

    /// Refuses a folder that already holds files or folders, naming `dir`, what chose it (`field`),
    /// a few of its entries, and `force`, the flag that would replace them. A missing folder, an empty
    /// one or a file in the way (which `prepare` reports) passes.
    public static func requireEmpty(_ dir: String, field: String, force: String = "--force") throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        guard !entries.isEmpty else { return }
        let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", ..." : "")
        throw InputError(location: dir, path: field, expected: "a new or empty folder (pass \(force) to replace the results in it)",
                         found: "a folder holding \(ReadableNumber.plural(entries.count, "entry", "entries")) (\(shown))")
    }

    /// Removes the files at `paths` that exist, or names the first that cannot be removed.
    public static func remove(_ paths: [String]) throws {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            do { try FileManager.default.removeItem(atPath: path) } catch {
                throw InputError(location: path, expected: "a stale file of an earlier run that can be removed", found: reason(error))
            }
        }
    }

    /// The outermost folder of `dir` that does not exist yet (nil when `dir` exists).
    static func outermostMissing(_ dir: String) -> String? {
        var url = URL(fileURLWithPath: dir).standardizedFileURL
        var missing: String?
        while !FileManager.default.fileExists(atPath: url.path) && url.path != "/" {
            missing = url.path
            url.deleteLastPathComponent()
        }
        return missing
    }

    /// Removes `folder` when it holds no file (only empty folders, if any).
    public static func removeIfEmpty(_ folder: String?) {
        guard let folder, let items = FileManager.default.enumerator(atPath: folder) else { return }
        var isDirectory: ObjCBool = false
        while let item = items.nextObject() as? String {
            guard FileManager.default.fileExists(atPath: "\(folder)/\(item)", isDirectory: &isDirectory), isDirectory.boolValue else { return }
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The operating system's reason behind a Foundation file error ("No space left on device").
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}
