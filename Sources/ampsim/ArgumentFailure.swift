import AMPSim
import ArgumentParser

/// A command-line error found by the argument parser (an unknown option, a missing value, an extra
/// argument), told the way every other input problem is told: one line
/// `LOCATION: expected ..., found ...` on standard error and exit status 2.
///
/// Guarantees: `diagnostic` never repeats the parser's usage text; LOCATION is the argument as the user
/// typed it (`--bogus`, `--jobs`) or `ampsim SUBCOMMAND` when an argument is missing; a parser message
/// this type does not recognise is kept whole after "found", so no problem is ever hidden.
struct ArgumentFailure {
    /// The subcommand being parsed (`run`), or nil for `ampsim` itself.
    let subcommand: String?
    /// The parser's own one-line message, e.g. `Unknown option '--bogus'`.
    let message: String

    var command: String { "ampsim" + (subcommand.map { " " + $0 } ?? "") }
    var help: String { "see \(command) --help" }

    var diagnostic: Diagnostic {
        if let option = quoted(after: "Unknown option '") {
            let suggestion = quoted(after: "Did you mean '").map { "; did you mean \($0)?" } ?? ""
            return Diagnostic(location: option, path: "", expected: "an option of \(command) (\(help)\(suggestion))", found: "an unknown option")
        }
        if let option = quoted(after: "Missing value for '") {
            let name = String(option.prefix { $0 != " " })
            return Diagnostic(location: name, path: "", expected: "a value after \(option)", found: "none")
        }
        if let argument = quoted(after: "Missing expected argument '") {
            return Diagnostic(location: command, path: "", expected: "the argument \(argument) (\(help))", found: "none")
        }
        if let argument = quoted(after: "Unexpected argument '") {
            if subcommand == nil {
                return Diagnostic(location: argument, path: "", expected: "a subcommand: \(Self.subcommands) (\(help))", found: "'\(argument)'")
            }
            return Diagnostic(location: argument, path: "", expected: "no further argument to \(command) (\(help))", found: "an unexpected argument")
        }
        if message.contains("unexpected arguments: '") {
            let list = message.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? message
            return Diagnostic(location: command, path: "", expected: "no further arguments (\(help))", found: list)
        }
        if let value = quoted(after: "The value '"), let option = quoted(after: "is invalid for '") {
            let name = String(option.prefix { $0 != " " })
            return Diagnostic(location: "\(name) \(value)", path: "", expected: "a valid value for \(option) (\(help))", found: "'\(value)'")
        }
        if let option = quoted(after: "The option '") {
            return Diagnostic(location: option, path: "", expected: "no value (it is a flag)", found: "a value")
        }
        if message.hasPrefix("Missing required subcommand") {
            return Diagnostic(location: command, path: "", expected: "a subcommand: \(Self.subcommands) (\(help))", found: "none")
        }
        let first = message.split(separator: "\n").first.map(String.init) ?? message
        return Diagnostic(location: command, path: "", expected: "arguments as \(command) --help lists them", found: "'\(first)'")
    }

    static let subcommands = "validate, run, compare, sweep, summarize, collect, graph or bench"

    /// The text between `marker` and the next single quote, if `message` contains `marker`.
    func quoted(after marker: String) -> String? {
        guard let start = message.range(of: marker) else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    /// The subcommand named on `arguments` (the command line without the program name), if any.
    static func subcommand(in arguments: [String], among names: [String]) -> String? {
        arguments.first.flatMap { names.contains($0) ? $0 : nil }
    }
}
