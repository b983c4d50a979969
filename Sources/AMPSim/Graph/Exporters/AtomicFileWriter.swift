import Foundation

/// Writes output files so that a reader never sees half of one: each file goes to a temporary name in
/// the same folder and is renamed into place once complete.
///
/// Guarantees: after `commit()` every staged file exists with its full contents; when staging or
/// committing fails, the temporary files are removed and an `InputError` names the path.
struct AtomicFileWriter {
    private var staged: [(temporary: String, final: String)] = []

    /// Writes `text` to a temporary file next to `path`.
    mutating func stage(_ text: String, to path: String) throws {
        let temporary = "\(path).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            // A partly written file (disk full) goes; whatever else sits at that name is not ours.
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: temporary, isDirectory: &isDirectory), !isDirectory.boolValue {
                try? FileManager.default.removeItem(atPath: temporary)
            }
            discard()
            throw InputError(location: path, expected: "a writable output path", found: "a write error (\(OutputFolder.reason(error)))")
        }
        staged.append((temporary, path))
    }

    /// Renames every staged file into place.
    mutating func commit() throws {
        for (temporary, final) in staged where rename(temporary, final) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw InputError(location: final, expected: "a writable output path", found: "rename failed (\(reason))")
        }
        staged = []
    }

    /// Removes every staged temporary file.
    mutating func discard() {
        for (temporary, _) in staged { try? FileManager.default.removeItem(atPath: temporary) }
        staged = []
    }
}
