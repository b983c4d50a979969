/// Draws indices with probability proportional to fixed weights, from the whole range or from a prefix.
///
/// Guarantees: `pick(below: k)` returns an index in 0 ..< k with probability w[i] / (w[0] + ... + w[k-1]),
/// in O(log n) (binary search over cumulative sums); weights must be positive.
struct WeightedPicker {
    private var cumulative: [Double]

    init(weights: [Double]) {
        cumulative = []
        cumulative.reserveCapacity(weights.count)
        var sum = 0.0
        for w in weights {
            sum += w
            cumulative.append(sum)
        }
    }

    var count: Int { cumulative.count }

    func pick(below k: Int, _ stream: RandomStream) -> Int {
        let x = stream.uniform() * cumulative[k - 1]
        var lo = 0, hi = k - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    func pick(_ stream: RandomStream) -> Int { pick(below: cumulative.count, stream) }
}
