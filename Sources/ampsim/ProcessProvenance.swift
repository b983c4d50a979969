import AMPSim

extension Provenance {
    /// This process: its command line and the commit this binary was built from (`BuildCommit`, which
    /// Plugins/BuildCommitPlugin generates at build time).
    static var thisProcess: Provenance {
        Provenance(arguments: CommandLine.arguments, commit: BuildCommit.hash, modified: BuildCommit.modified)
    }
}
