import Foundation
import PackagePlugin

/// Generates `BuildCommit.swift` for the `ampsim` executable: the git commit the binary was built
/// from (`unknown` outside a git checkout of this package) and whether its sources differed from it.
///
/// Guarantees: runs `git` (if installed) at build time, offline; the command is rerun when HEAD moves
/// (git's HEAD, its reflog, the branch's ref, packed refs) or a file under Sources/ or Plugins/, or
/// Package.swift, changes, so the stamp follows commits and edits without recompiling on every build;
/// the file is rewritten only when its text changes; a package folder inside another repository
/// (an unpacked archive) reads `unknown`, not the other repository's commit.
@main
struct BuildCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let file = context.pluginWorkDirectoryURL.appending(path: "BuildCommit.swift")
        var inputs: [URL] = [root.appending(path: "Package.swift")]
        for folder in ["Sources", "Plugins"] {
            guard let files = FileManager.default.enumerator(at: root.appending(path: folder), includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in files where !url.hasDirectoryPath { inputs.append(url) }
        }
        inputs += Self.gitFiles(root)
        let script = """
        dir="$1"; file="$2"
        hash=unknown; modified=false
        top=$(git -C "$dir" rev-parse --show-toplevel 2>/dev/null) && [ "$(cd "$top" && pwd -P)" = "$(cd "$dir" && pwd -P)" ] \\
            && hash=$(git -C "$dir" rev-parse HEAD 2>/dev/null) || hash=unknown
        if [ "$hash" != unknown ] && [ -n "$(git -C "$dir" status --porcelain --untracked-files=no -- Sources Plugins Package.swift 2>/dev/null)" ]; then
            modified=true
        fi
        text="// Generated at build time by Plugins/BuildCommitPlugin: do not edit.
        enum BuildCommit {
            static let hash = \\"$hash\\"
            static let modified = $modified
        }"
        if [ ! -f "$file" ] || [ "$(cat "$file")" != "$text" ]; then printf '%s\\n' "$text" > "$file"; fi
        """
        return [.buildCommand(displayName: "Stamping the git commit into ampsim", executable: URL(fileURLWithPath: "/bin/sh"),
                              arguments: ["-c", script, "sh", root.path, file.path], inputFiles: inputs, outputFiles: [file])]
    }

    /// The git files that change when HEAD moves, for a checkout or a worktree (`.git` a file).
    static func gitFiles(_ root: URL) -> [URL] {
        var gitDir = root.appending(path: ".git")
        if let text = try? String(contentsOf: gitDir, encoding: .utf8), text.hasPrefix("gitdir:") {
            let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitDir = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appending(path: path)
        }
        var common = gitDir
        if let text = try? String(contentsOf: gitDir.appending(path: "commondir"), encoding: .utf8) {
            let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
            common = path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitDir.appending(path: path)
        }
        var files = [gitDir.appending(path: "HEAD"), gitDir.appending(path: "logs/HEAD"),
                     common.appending(path: "packed-refs")]
        if let head = try? String(contentsOf: gitDir.appending(path: "HEAD"), encoding: .utf8), head.hasPrefix("ref:") {
            files.append(common.appending(path: head.dropFirst("ref:".count).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return files.filter { FileManager.default.fileExists(atPath: $0.path) }
    }
}
