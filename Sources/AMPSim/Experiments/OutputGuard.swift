import Foundation

/// Lets an interrupt (SIGINT) and the writing of results take turns, so that an interrupted command
/// leaves every output folder either with a complete set of files or untouched.
///
/// Guarantees: `write` runs its body (staging and renaming files) only while not interrupted;
/// `interrupt()` waits for a body in progress to finish, after which no body runs again; so once
/// `interrupt()` returns no temporary file of this process is being written, and every set of
/// results was committed whole or not at all.
public final class OutputGuard: @unchecked Sendable {
    private let lock = NSLock()
    private var interrupted = false
    private var createdFolders: [String] = []

    public init() {}

    /// Thrown by `write` after an interrupt.
    public struct Interrupted: Error, Sendable {}

    /// Runs `body` unless interrupted; an interrupt arriving meanwhile waits for it.
    public func write<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if interrupted { throw Interrupted() }
        return try body()
    }

    /// Remembers a folder a run created for its results, to be removed on interrupt if still empty.
    public func track(createdFolder folder: String?) {
        guard let folder else { return }
        lock.lock()
        createdFolders.append(folder)
        lock.unlock()
    }

    /// Marks the guard interrupted once any write in progress has finished, and removes the folders
    /// runs created that hold no result.
    public func interrupt() {
        lock.lock()
        interrupted = true
        let folders = createdFolders
        lock.unlock()
        for folder in folders { OutputFolder.removeIfEmpty(folder) }
    }

    /// Whether `interrupt()` was called.
    public var isInterrupted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return interrupted
    }
}
