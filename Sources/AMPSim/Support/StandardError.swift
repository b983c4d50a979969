import Foundation

/// Writes diagnostics and progress to standard error, never mixing them into standard output.
public enum StandardError {
    public static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
