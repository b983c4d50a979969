import Testing

/// The shell scripts read `--help` (usage and what they can run, exit 0) and refuse an unknown option
/// or case with one line and exit 2, before building or running anything.
@Suite struct ScriptHelpTests {
    func script(_ name: String, _ arguments: [String]) throws -> CommandRun {
        try CommandRun.run(TestPaths.packageRoot + "/Scripts/" + name, arguments)
    }

    @Test func reproduceListsTheExperiments() throws {
        let run = try script("reproduce.sh", ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("usage: Scripts/reproduce.sh NAME [SWEEP OPTIONS...]"))
        for name in ["compare-protocols", "compare-protocols-2026", "greedy-receiver", "htlc-slots", "load"] {
            #expect(run.stdout.contains("\n  \(name) "), "reproduce.sh --help does not list \(name)")
        }
        #expect(!run.stdout.contains("  quickstart "), "quickstart has no sweep: it is not an experiment")
        let none = try script("reproduce.sh", [])
        #expect(none.status == 2 && none.stderr.hasPrefix("usage: Scripts/reproduce.sh"))
    }

    @Test func validateListsItsCasesAndRefusesAnOption() throws {
        let run = try script("validate.sh", ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\n  hub-single\n") && run.stdout.contains("\n  v4-k02-mpp\n"))
        let bogus = try script("validate.sh", ["--bogus"])
        #expect(bogus.status == 2)
        #expect(bogus.stderr.hasPrefix("validate.sh: --bogus: expected a case name or --help, found an unknown option\n"))
    }
}
