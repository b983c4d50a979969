import Testing
@testable import AMPSim

/// The sweep's worker pool: every item computed and committed once, commits one at a time, and a
/// failure stops the pool and is reported.
@Suite struct WorkerPoolTests {
    /// Commits arrive one at a time (the pool's lock), so a plain array is safe here.
    final class Log: @unchecked Sendable {
        var entries: [(Int, Int)] = []
        var inCommit = false
        var overlapped = false
    }

    struct Failure: Error, Equatable { var item: Int }

    @Test func everyItemIsCommittedOnceAndCommitsNeverOverlap() throws {
        let log = Log()
        try WorkerPool(jobs: 4).run(count: 200, compute: { $0 * $0 }, commit: { i, square in
            if log.inCommit { log.overlapped = true }
            log.inCommit = true
            log.entries.append((i, square))
            log.inCommit = false
        })
        #expect(!log.overlapped)
        #expect(log.entries.sorted { $0.0 < $1.0 }.map(\.1) == (0..<200).map { $0 * $0 })
    }

    @Test func aFailureStopsThePoolAndIsRethrown() {
        let log = Log()
        #expect(throws: Failure(item: 5)) {
            try WorkerPool(jobs: 1).run(count: 20, compute: { i -> Int in
                if i == 5 || i == 9 { throw Failure(item: i) }
                return i
            }, commit: { i, _ in log.entries.append((i, i)) })
        }
        #expect(log.entries.map(\.0) == [0, 1, 2, 3, 4])
    }
}
