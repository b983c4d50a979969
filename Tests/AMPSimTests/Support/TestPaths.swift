import Foundation

/// Locations the tests need: the package root, its shipped scenarios, a scratch folder, the built binary.
enum TestPaths {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() } // Support → AMPSimTests → Tests → root
        return url.path
    }()

    static func scenario(_ name: String) -> String { "\(packageRoot)/Scenarios/\(name)" }

    /// The `ampsim` executable built beside the test bundle.
    static var binary: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first(where: { $0.hasSuffix(".xctest") }) ?? CommandLine.arguments[0])
        let beside = bundle.deletingLastPathComponent().appendingPathComponent("ampsim").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return "\(packageRoot)/.build/debug/ampsim"
    }

    /// A fresh empty folder under the system temporary folder.
    static func scratch(_ label: String = #function) -> String {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        let path = NSTemporaryDirectory() + "ampsim-tests-\(safe)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `name` in a fresh scratch folder; returns the file path.
    static func write(_ text: String, name: String = "scenario.yaml", label: String = #function) -> String {
        let path = scratch(label) + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }
}

/// Runs the `ampsim` binary and captures its exit status and output.
struct CommandRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static func ampsim(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> CommandRun {
        try run(TestPaths.binary, arguments, in: directory, environment: environment)
    }

    /// Runs `executable` to its end and collects its exit status and both outputs; `environment` is
    /// added to this process's.
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                    environment: [String: String] = [:]) throws -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }
}
