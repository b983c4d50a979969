import Foundation

/// A fixed pool of worker threads that each take the next item from a shared counter.
///
/// Guarantees: `compute` runs concurrently on at most `jobs` threads; `commit` calls never overlap
/// (they run one at a time under the pool's lock); after the first error no new item starts and
/// `run` throws the error of the lowest failing item; after `halt()` returns, no item starts and no
/// `commit` is running or will run. Results are handed to `commit` in completion order: callers
/// that need a deterministic order must write per item and aggregate afterwards.
public final class WorkerPool: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var stopped = false
    private var failures: [(index: Int, error: any Error)] = []
    public let jobs: Int
    /// The most worker threads a pool takes (`--jobs`): each reserves a 16 MB stack.
    public static let maxJobs = 1024

    public init(jobs: Int) {
        precondition(jobs >= 1 && jobs <= Self.maxJobs)
        self.jobs = jobs
    }

    public func run<R>(count: Int, compute: @escaping @Sendable (Int) throws -> R,
                       commit: @escaping @Sendable (Int, R) throws -> Void) throws {
        let group = DispatchGroup()
        for _ in 0..<min(jobs, max(count, 1)) {
            group.enter()
            let thread = Thread { [self] in
                work(count: count, compute: compute, commit: commit)
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        if let first = lock.withLock({ failures.min { $0.index < $1.index } }) { throw first.error }
    }

    private func work<R>(count: Int, compute: (Int) throws -> R, commit: (Int, R) throws -> Void) {
        while true {
            let index: Int? = lock.withLock {
                guard !stopped, next < count else { return nil }
                next += 1
                return next - 1
            }
            guard let index else { return }
            let result: R
            do {
                result = try compute(index)
            } catch {
                lock.withLock {
                    failures.append((index, error))
                    stopped = true
                }
                return
            }
            lock.lock()
            defer { lock.unlock() }
            if stopped { return }
            do {
                try commit(index, result)
            } catch {
                failures.append((index, error))
                stopped = true
                return
            }
        }
    }

    /// Stops the pool for good: waits for a running `commit` to finish, then keeps the lock so that
    /// nothing else is committed (the process is about to exit).
    public func halt() {
        lock.lock()
        stopped = true
    }
}
