/// The points of a sweep: every combination of the values of its axes, the last axis changing fastest.
///
/// Guarantees: point numbers depend only on the axes (their order and values), so they are the same in
/// every shard, on every machine and on resume; every path is varied by at most one axis; a grid
/// without axes has exactly one point (the base scenario); `columns` lists the varied paths in axis
/// order, one CSV column each.
public struct SweepGrid: Sendable, Equatable {
    public let axes: [SweepAxis]

    /// Refuses a path varied by two axes (`origins[i]` names where axis i came from).
    public init(axes: [SweepAxis], origins: [String]? = nil) throws {
        var owner: [String: Int] = [:]
        for (i, axis) in axes.enumerated() {
            for path in axis.paths {
                if let first = owner[path] {
                    let origin = origins?[i] ?? "sweep.vary.\(axis.path)"
                    let firstOrigin = origins?[first] ?? "sweep.vary.\(axes[first].path)"
                    throw InputError(location: origin, path: path, expected: "a path varied by one axis only", found: "it varied by \(firstOrigin) too")
                }
                owner[path] = i
            }
        }
        self.axes = axes
    }

    public var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// One column per varied path, in axis order.
    public var columns: [String] { axes.flatMap(\.paths) }

    /// The value index on each axis of `point`.
    public func indices(of point: Int) -> [Int] {
        var rest = point
        var out = [Int](repeating: 0, count: axes.count)
        for a in axes.indices.reversed() {
            out[a] = rest % axes[a].values.count
            rest /= axes[a].values.count
        }
        return out
    }

    /// The point with these value indices.
    public func point(indices: [Int]) -> Int {
        zip(axes, indices).reduce(0) { $0 * $1.0.values.count + $1.1 }
    }

    /// (path, YAML text) for every varied path of `point`, in column order.
    public func settings(of point: Int) -> [(path: String, value: String)] {
        zip(axes, indices(of: point)).flatMap { axis, i in zip(axis.paths, axis.settings[i]).map { ($0, $1) } }
    }

    /// The overrides that make `point` from the base scenario (`origins[a]` labels axis a's problems).
    public func overrides(of point: Int, origins: [String]) throws -> [Override] {
        try zip(axes.indices, indices(of: point)).flatMap { a, i in try axes[a].overrides(i, origin: origins[a]) }
    }

    /// `path=value` pairs of `point`, for messages.
    public func label(of point: Int) -> String {
        settings(of: point).map { "\($0.path)=\($0.value)" }.joined(separator: " ")
    }

    /// The point's values as CSV fields, in column order.
    public func csvFields(of point: Int) -> [String] {
        settings(of: point).map { CSVFormat.text($0.value) }
    }
}
