/// Raw buffers for the hot loops (the path search, the min-cost flow): allocated once,
/// every element set to one value, freed by the owner's `deinit`.
///
/// Guarantees: the buffer holds max(1, count) initialised elements, so index 0 is valid even for an
/// empty graph.
extension UnsafeMutablePointer {
    static func filled(_ value: Pointee, count: Int) -> UnsafeMutablePointer<Pointee> {
        let n = Swift.max(1, count)
        let p = allocate(capacity: n)
        p.initialize(repeating: value, count: n)
        return p
    }
}
