import AMPSim
import Foundation

/// The figure of `ampsim compare`: success rate by configuration, drawn by Scripts/plot.py.
///
/// Guarantees: never fails the command — without python3, matplotlib or plot.py, or when plot.py
/// fails, `draw` returns a one-line note saying why; plot.py is looked for in $AMPSIM_PLOT, then
/// Scripts/plot.py under the current folder, then under each folder above the ampsim binary.
enum CompareFigure {
    /// What `draw` writes in the folder (and `--force` removes).
    static let files = ["success_rate.png", "success_rate.svg", "success_rate.pdf"]

    static func script() -> String? {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["AMPSIM_PLOT"], fm.fileExists(atPath: path) { return path }
        if fm.fileExists(atPath: "Scripts/plot.py") { return "Scripts/plot.py" }
        var url = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0]).resolvingSymlinksInPath()
        for _ in 0..<6 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Scripts/plot.py").path
            if fm.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Draws DIR/success_rate.png and .svg; returns the line to print.
    static func draw(folder: String, title: String) -> String {
        guard let script = script() else { return "figure: not drawn (Scripts/plot.py not found; set AMPSIM_PLOT to its path)" }
        guard run(["python3", "-c", "import matplotlib"]).status == 0 else {
            return "figure: not drawn (needs python3 with matplotlib: python3 -m pip install matplotlib)"
        }
        let result = run(["python3", script, folder + "/summary_ci.csv", "--out", folder, "--x", "payment.strategy",
                          "--only", "success_rate", "--title", title + ": success rate by configuration"])
        guard result.status == 0 else {
            let reason = result.stderr.split(separator: "\n").last.map(String.init) ?? "exit \(result.status)"
            return "figure: not drawn (plot.py: \(reason))"
        }
        return "figure: \(folder)/success_rate.png"
    }

    static func run(_ arguments: [String]) -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        do { try process.run() } catch { return (127, "\(error)") }
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
