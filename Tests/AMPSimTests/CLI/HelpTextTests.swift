import Foundation
import Testing

/// `--help` texts as the argument parser shows them: it wraps prose itself, so a paragraph must be
/// one logical line (a hard-wrapped one breaks mid-sentence at 80 columns), and an indented example
/// must fit in 80 columns (it is not re-indented when wrapped); examples call the program `ampsim`.
@Suite struct HelpTextTests {
    static let commands = [[], ["validate"], ["run"], ["sweep"], ["summarize"], ["collect"], ["graph"], ["bench"]]

    /// The text between the overview and the usage line, as printed on a very wide terminal.
    static func discussion(_ command: [String]) throws -> [String] {
        let help = try CommandRun.ampsim(command + ["--help"], environment: ["COLUMNS": "2000"])
        #expect(help.status == 0)
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let usage = lines.firstIndex { $0.hasPrefix("USAGE:") } ?? lines.count
        return Array(lines[1..<usage])
    }

    @Test(arguments: commands)
    func paragraphsAreOneLineAndExamplesFit(command: [String]) throws {
        let lines = try Self.discussion(command)
        #expect(!lines.isEmpty)
        for (a, b) in zip(lines, lines.dropFirst()) where !a.isEmpty && !b.isEmpty && !a.hasPrefix(" ") && !b.hasPrefix(" ") {
            Issue.record("\(command): a paragraph broken by hand: '\(a)' / '\(b)'")
        }
        for line in lines where line.hasPrefix(" ") {
            #expect(line.count <= 79, "\(command): an indented line longer than 79 columns: '\(line)'")
        }
        for line in lines where line.hasPrefix("  ") && !line.hasPrefix("    ") && line.contains(" Scenarios/") {
            #expect(line.hasPrefix("  ampsim "), "\(command): '\(line)'")
        }
        #expect(!lines.contains { $0.contains("swift run") || $0.contains(".build/release/ampsim ") })
    }
}
