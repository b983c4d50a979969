import Foundation

/// Numbers as a person reads them on a console (never in a CSV: those keep `CSVFormat`).
///
/// Guarantees, the rules every command's printed numbers follow:
/// - below 10,000 in magnitude, 4 significant digits of the largest number shown together
///   (0.6995 → "0.6995", 123.46 → "123.5", 1234.56 → "1235"), at most 6 decimals;
/// - from 10,000 up, a scale suffix k, M, G or T and 3 significant digits (5,678,654.3 → "5.68 M",
///   12,345 → "12.3 k");
/// - an estimate and its interval share one scale and one number of decimals, chosen from the
///   largest of the three ("0.6995 [0.6900, 0.7080]", never "0.7 [0.69, 0.708]");
/// - a missing value (NaN, infinite) or an undefined interval prints as "—"; zero prints with its
///   group's decimals but never a sign or a scale ("0", "0.0000", never "-0.0" or "0.00 M");
/// - a signed difference carries "+" when it is above zero at the printed precision;
/// - counts print with thousands separators ("2,000") and nouns agree with them ("1 replication",
///   "2 replications"); no locale is consulted, so the text is the same on every machine.
public enum ReadableNumber {
    /// What a missing value or an undefined interval prints as.
    public static let dash = "—"

    /// How a group of numbers printed together is scaled and rounded.
    public struct Style: Sendable, Equatable {
        public var decimals: Int
        public var scale: Double
        /// "" or " k", " M", " G", " T".
        public var suffix: String

        public init(decimals: Int, scale: Double = 1, suffix: String = "") {
            self.decimals = decimals
            self.scale = scale
            self.suffix = suffix
        }
    }

    static let plainDigits = 4, scaledDigits = 3, maxDecimals = 6, scaledFrom = 10_000.0
    static let suffixes: [(scale: Double, suffix: String)] = [(1e12, " T"), (1e9, " G"), (1e6, " M"), (1e3, " k")]

    /// The style for printing `values` together: from the largest finite magnitude among them.
    public static func style(for values: [Double]) -> Style {
        let largest = values.filter(\.isFinite).map(abs).max() ?? 0
        guard largest > 0 else { return Style(decimals: 0) }
        if largest < scaledFrom {
            return Style(decimals: decimals(largest, digits: plainDigits))
        }
        let (scale, suffix) = suffixes.first { largest >= $0.scale } ?? (1e3, " k")
        return Style(decimals: decimals(largest / scale, digits: scaledDigits), scale: scale, suffix: suffix)
    }

    /// Decimals that show `magnitude` (> 0) with `digits` significant digits, within 0...maxDecimals.
    static func decimals(_ magnitude: Double, digits: Int) -> Int {
        let exponent = Int(floor(log10(magnitude)))
        return min(maxDecimals, max(0, digits - 1 - exponent))
    }

    /// `x` in `style`; `signed` adds "+" to a number above zero.
    public static func format(_ x: Double, _ style: Style, signed: Bool = false) -> String {
        guard x.isFinite else { return dash }
        var text = String(format: "%.\(style.decimals)f", x / style.scale)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        if signed, !text.hasPrefix("-"), text.contains(where: { $0 != "0" && $0 != "." }) { text = "+" + text }
        // Zero keeps the group's decimals ("0.0000 [0.0000, 0.0012]"), but no scale ("0", not "0.00 M").
        if text.allSatisfy({ $0 == "0" || $0 == "." }) { return style.suffix.isEmpty ? text : "0" }
        return text + style.suffix
    }

    /// One number on its own: "0.6995", "5.68 M", "—".
    public static func value(_ x: Double, signed: Bool = false) -> String {
        format(x, style(for: [x]), signed: signed)
    }

    /// An estimate and its interval in one style: ("0.6995", "[0.6900, 0.7080]"); the interval is "—"
    /// when either bound is missing.
    public static func interval(_ interval: Interval, signed: Bool = false) -> (estimate: String, bounds: String) {
        let style = style(for: [interval.estimate, interval.lower, interval.upper])
        let estimate = format(interval.estimate, style, signed: signed)
        guard interval.lower.isFinite, interval.upper.isFinite else { return (estimate, dash) }
        return (estimate, "[" + format(interval.lower, style, signed: signed) + ", " + format(interval.upper, style, signed: signed) + "]")
    }

    /// "0.6995 [0.6900, 0.7080]", or the estimate alone when there is no interval.
    public static func withInterval(_ interval: Interval, signed: Bool = false) -> String {
        let (estimate, bounds) = self.interval(interval, signed: signed)
        return bounds == dash ? estimate : estimate + " " + bounds
    }

    /// A count with thousands separators: "2,000", "-1,234,567".
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// "1 replication", "2 replications", "2,000 payments"; `plural` for irregular nouns.
    public static func plural(_ n: Int, _ noun: String, _ plural: String? = nil) -> String {
        count(n) + " " + (n == 1 ? noun : plural ?? noun + "s")
    }

    /// A duration: "0.42 s", "12.3 s", "2 min 05 s", "1 h 02 min".
    public static func seconds(_ s: Double) -> String {
        guard s.isFinite else { return dash }
        if s < 60 { return format(s, Style(decimals: s < 10 ? 2 : 1)) + " s" }
        let whole = Int(s.rounded())
        if whole < 3600 { return "\(whole / 60) min " + String(format: "%02d", whole % 60) + " s" }
        return "\(whole / 3600) h " + String(format: "%02d", whole % 3600 / 60) + " min"
    }
}
