import Foundation

/// Number formatting for CSV outputs.
///
/// Guarantees: the same value always prints the same text on every machine (no locale, no thousands
/// separators); NaN and infinities print as an empty field ("not applicable"), never as `NA` or `nan`.
public enum CSVFormat {
    public static func decimal(_ x: Double, places: Int = 6) -> String {
        guard x.isFinite else { return "" }
        var text = String(format: "%.\(places)f", x)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Microseconds as milliseconds with three decimals.
    public static func milliseconds(_ micros: Int64) -> String { decimal(Double(micros) / 1000, places: 3) }

    /// A text field, quoted when it holds a comma, quote or line break.
    public static func text(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func bool(_ b: Bool) -> String { b ? "true" : "false" }
}
