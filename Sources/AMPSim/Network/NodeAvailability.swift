import CGSL

/// Which nodes are online at each simulated instant of one replication.
///
/// Guarantees:
/// - `network.offline_probability` p: each node, in id order, draws one uniform u from the replication's
///   `offline` stream and is offline for the whole run when u < p (nothing is drawn when p = 0).
/// - `network.churn` {mean_up_s U, mean_down_s D}: each node, in id order, draws from the `churn`
///   stream whether it starts up (uniform < U / (U + D), the stationary share) and then the rest of its
///   first period (exponential with that state's mean: memoryless, so this is the stationary start);
///   afterwards every toggle, taken in time order (ties by node id), draws the next period's length.
///   A node is online when it is neither offline for the run nor in a down period.
/// - `advance(to:)` must be called with non-decreasing times; the draws made up to a time do not
///   depend on which nodes were asked about, so the same scenario gives the same schedule.
public struct NodeAvailability {
    /// Offline for the whole run.
    public private(set) var offline: [Bool]
    /// Currently in a churn down period.
    public private(set) var down: [Bool]
    let churn: ChurnSpec?
    let churnStream: RandomStream?
    /// Min-heap of (time of next toggle, node).
    var toggles: [(Int64, Int32)] = []
    /// Toggles taken so far (for tests and counts).
    public private(set) var toggleCount = 0
    /// Whether any node can ever be offline.
    public private(set) var anyOffline: Bool

    public init(nodes: Int, spec: NetworkSpec, offlineStream: RandomStream, churnStream: RandomStream) {
        offline = [Bool](repeating: false, count: nodes)
        down = [Bool](repeating: false, count: nodes)
        if spec.offlineProbability > 0 {
            for i in 0..<nodes { offline[i] = offlineStream.uniform() < spec.offlineProbability }
        }
        churn = spec.churn
        if let c = spec.churn {
            self.churnStream = churnStream
            let upShare = c.meanUpS / (c.meanUpS + c.meanDownS)
            toggles.reserveCapacity(nodes)
            for i in 0..<nodes {
                let up = churnStream.uniform() < upShare
                down[i] = !up
                let period = Self.period(up ? c.meanUpS : c.meanDownS, churnStream)
                toggles.append((period, Int32(i)))
            }
            toggles.sort { $0 < $1 }   // a sorted array is a valid min-heap
        } else {
            self.churnStream = nil
        }
        anyOffline = spec.offlineProbability > 0 || spec.churn != nil
    }

    /// An exponential period of mean `meanS` seconds, in µs (at least 1 µs, at most the time bound).
    static func period(_ meanS: Double, _ stream: RandomStream) -> Int64 {
        Bounds.int64(gsl_ran_exponential(stream.generator, meanS * 1e6), min: 1, max: Bounds.maxMicroseconds)
    }

    /// Takes every toggle due at or before `now`.
    public mutating func advance(to now: Int64) {
        guard let c = churn, let stream = churnStream else { return }
        while let first = toggles.first, first.0 <= now {
            let (time, node) = first
            down[Int(node)].toggle()
            toggleCount += 1
            // time <= now <= maxMicroseconds and a period <= maxMicroseconds: the sum cannot overflow.
            let next = time + Self.period(down[Int(node)] ? c.meanDownS : c.meanUpS, stream)
            toggles[0] = (next, node)
            siftDown(0)
        }
    }

    /// Takes `node` offline for the rest of the run (tests and what-if runs).
    public mutating func takeOffline(_ node: Int) {
        offline[node] = true
        anyOffline = true
    }

    /// Whether `node` is online (after `advance(to:)` for the current time).
    @inline(__always) public func isOnline(_ node: Int) -> Bool {
        !offline[node] && !down[node]
    }

    mutating func siftDown(_ start: Int) {
        var i = start
        let n = toggles.count
        while true {
            let l = 2 * i + 1
            if l >= n { return }
            let r = l + 1
            let m = r < n && toggles[r] < toggles[l] ? r : l
            if !(toggles[m] < toggles[i]) { return }
            toggles.swapAt(i, m)
            i = m
        }
    }
}
