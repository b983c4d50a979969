import AMPSim

/// Numeric and named option values read by ampsim rather than by the argument parser, so that a bad
/// one (`--jobs -3`, `--seed -1`, `--shard -1/2`, `--from foo`) gets the same one-line message as any
/// other input: `--jobs -3: expected an integer from 1 to ..., found '-3'` and exit status 2.
///
/// Guarantees: the options that use it are declared with `parsing: .unconditional`, so a value that
/// starts with '-' reaches this check instead of being taken for an option; every refusal is an
/// `InputError` located at `FLAG VALUE`.
enum OptionValue {
    /// An integer in `range`; `what` says what it counts ("worker threads").
    static func integer(_ text: String, flag: String, in range: ClosedRange<Int>, _ what: String) throws -> Int {
        guard let value = Int(text), range.contains(value) else {
            let bound = range.upperBound == .max ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            throw InputError(location: "\(flag) \(text)", expected: "an integer \(bound) (\(what))", found: "'\(text)'")
        }
        return value
    }

    /// A seed: an integer from 0 to 2^64 - 1.
    static func seed(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else {
            throw InputError(location: "--seed \(text)", expected: "an integer from 0 to \(UInt64.max)", found: "'\(text)'")
        }
        return value
    }

    /// A value of a string enumeration (`--from lnd`).
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, flag: String, as type: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue)
            throw InputError(location: "\(flag) \(text)", expected: "one of \(names.joined(separator: ", "))", found: "'\(text)'")
        }
        return value
    }
}
