/// One problem found in an input, located precisely enough to fix it.
///
/// Guarantees: `description` has the form `LOCATION: path.to.field: expected ..., found ...`, where
/// LOCATION is `FILE:LINE`, `FILE`, or `--set path=value` for a problem that came from an override.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var location: String
    public var path: String
    public var expected: String
    public var found: String

    public init(location: String, path: String, expected: String, found: String) {
        self.location = location
        self.path = path
        self.expected = expected
        self.found = found
    }

    public var description: String {
        let field = path.isEmpty ? "" : "\(path): "
        return "\(location): \(field)expected \(expected), found \(found)"
    }
}

/// An input (scenario, override, graph file) that cannot be used, with every problem found in it.
///
/// Guarantees: never empty; the command line prints `description` (one problem per line) to
/// standard error and exits with status 2.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        precondition(!diagnostics.isEmpty, "an InputError needs at least one diagnostic")
        self.diagnostics = diagnostics
    }

    public init(location: String, path: String = "", expected: String, found: String) {
        self.init([Diagnostic(location: location, path: path, expected: expected, found: found)])
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
