import CGSL
import Foundation
import Yams

/// What a field demands of every draw of its distribution.
public enum DrawRequirement: Sendable {
    case any
    case nonNegative
    case positive
    case probability

    var text: String {
        switch self {
        case .any: return "any value"
        case .nonNegative: return ">= 0"
        case .positive: return "> 0"
        case .probability: return "from 0 to 1"
        }
    }

    func admits(lower: Double, upper: Double, lowerOpen: Bool) -> Bool {
        switch self {
        case .any: return true
        case .nonNegative: return lower >= 0
        case .positive: return lower > 0 || (lower == 0 && lowerOpen)
        case .probability: return lower >= 0 && upper <= 1
        }
    }
}

/// Parses and prints scenario distributions: a bare number, or a mapping with exactly one family
/// (`uniform`, `uniform_int`, `exponential`, `lognormal`, `pareto`, `normal`, `choice`, `empirical`)
/// plus optional `min` / `max` clamps.
///
/// Guarantees: the distribution returned is valid for sampling (see `Distribution`), and its draws
/// meet the field's `DrawRequirement`, or a problem naming the field was reported.
public enum DistributionReading {
    public static let families = ["uniform", "uniform_int", "exponential", "lognormal", "pareto", "normal", "choice", "empirical"]

    /// Reads field `key` of `reader`; `defaultValue` when absent.
    public static func read(_ reader: MapReader, _ key: String, default defaultValue: Distribution,
                            requirement: DrawRequirement) -> Distribution {
        guard let node = reader.value(key) else { return defaultValue }
        return parse(node, path: reader.child(key), context: reader.context, requirement: requirement) ?? defaultValue
    }

    /// Parses one distribution node; nil (with problems reported) when it is not valid.
    public static func parse(_ node: Node, path: String, context: DecodeContext, requirement: DrawRequirement) -> Distribution? {
        let expectedShape = "a number or a distribution such as {lognormal: {median: 50000, sigma: 1.5}} (one of: \(families.joined(separator: ", ")))"
        let before = context.diagnostics.count
        var result: Distribution?
        switch node {
        case .scalar:
            guard let v = ScalarParsing.double(node) else {
                context.report(node, path, expected: expectedShape, found: DecodeContext.describe(node))
                return nil
            }
            result = .constant(v)
        case .mapping:
            let reader = MapReader(node, path: path, context: context)
            let present = reader.keys.filter { families.contains($0) }
            if present.count != 1 {
                let unknown = reader.keys.filter { !families.contains($0) && $0 != "min" && $0 != "max" }
                let hint = unknown.first.map { Suggestion.hint(for: $0, among: families) } ?? ""
                context.report(node, path, expected: "exactly one distribution family (\(families.joined(separator: ", ")))\(hint)",
                               found: present.isEmpty ? "none" : present.joined(separator: " and "))
                return nil
            }
            let name = present[0]
            let clampMin = reader.optionalNumber("min")
            let clampMax = reader.optionalNumber("max")
            if let lo = clampMin, let hi = clampMax, lo > hi {
                reader.report("max", expected: "a clamp max >= min (\(YAMLBuild.numberText(lo)))")
            }
            let params = reader.section(name)
            let family = parseFamily(name, params)
            params.finish()
            reader.finish(known: families + ["min", "max"])
            if let family { result = Distribution(family, clampMin: clampMin, clampMax: clampMax) }
        default:
            context.report(node, path, expected: expectedShape, found: DecodeContext.describe(node))
            return nil
        }
        guard context.diagnostics.count == before, let distribution = result else { return nil }
        if !requirement.admits(lower: distribution.lowerBound, upper: distribution.upperBound, lowerOpen: distribution.lowerBoundIsOpen) {
            let range = "[\(YAMLBuild.numberText(distribution.lowerBound)), \(YAMLBuild.numberText(distribution.upperBound))]"
            context.report(node, path, expected: "values \(requirement.text) (add a min/max clamp if the family can go further)",
                           found: distribution.isConstant ? "'\(YAMLBuild.numberText(distribution.lowerBound))'" : "a distribution that can draw \(range)")
            return nil
        }
        return distribution
    }

    static func parseFamily(_ name: String, _ p: MapReader) -> Distribution.Family? {
        switch name {
        case "uniform":
            let lo = p.number("min", default: nil), hi = p.number("max", default: nil)
            if hi < lo { p.report("max", expected: "max >= min (\(YAMLBuild.numberText(lo)))"); return nil }
            return .uniform(min: lo, max: hi)
        case "uniform_int":
            let lo = p.int("min", default: nil), hi = p.int("max", default: nil)
            if hi < lo { p.report("max", expected: "max >= min (\(lo))"); return nil }
            return .uniformInt(min: Int64(lo), max: Int64(hi))
        case "exponential":
            return .exponential(mean: p.number("mean", default: nil, min: 0, minExclusive: true))
        case "lognormal":
            let sigma = p.number("sigma", default: nil, min: 0, minExclusive: true)
            switch (p.has("mu"), p.has("median")) {
            case (true, false):
                return .lognormal(mu: p.number("mu", default: nil), sigma: sigma, median: nil)
            case (false, true):
                let median = p.number("median", default: nil, min: 0, minExclusive: true)
                return .lognormal(mu: median > 0 ? log(median) : 0, sigma: sigma, median: median)
            default:
                _ = p.value("mu"); _ = p.value("median")
                p.context.report(p.node, p.path, expected: "exactly one of mu or median", found: p.has("mu") ? "both" : "neither")
                return nil
            }
        case "pareto":
            return .pareto(scale: p.number("scale", default: nil, min: 0, minExclusive: true),
                           shape: p.number("shape", default: nil, min: 0, minExclusive: true))
        case "normal":
            let mean = p.number("mean", default: nil)
            let sd = p.number("sd", default: nil, min: 0, minExclusive: true)
            let lo = p.optionalNumber("min"), hi = p.optionalNumber("max")
            if let lo, let hi, hi <= lo { p.report("max", expected: "max > min (\(YAMLBuild.numberText(lo)))"); return nil }
            if sd > 0 {
                let mass = (hi.map { gsl_cdf_ugaussian_P(($0 - mean) / sd) } ?? 1) - (lo.map { gsl_cdf_ugaussian_P(($0 - mean) / sd) } ?? 0)
                if mass < 1e-9 {
                    p.context.report(p.node, p.path, expected: "a truncation [min, max] that holds some of the normal's mass", found: "an interval more than 6 sd from the mean")
                    return nil
                }
            }
            return .normal(mean: mean, sd: sd, min: lo, max: hi)
        case "choice", "empirical":
            let values = numberList(p, "values", required: true)
            let weights = p.has("weights") ? numberList(p, "weights", required: true) : nil
            guard let values, !values.isEmpty else {
                if values != nil { p.report("values", expected: "a non-empty list of numbers") }
                return nil
            }
            let expectedWeights = name == "choice" ? values.count : values.count - 1
            if name == "empirical" {
                if values.count < 2 { p.report("values", expected: "at least two ascending bin edges"); return nil }
                if zip(values, values.dropFirst()).contains(where: { $0 >= $1 }) {
                    p.report("values", expected: "strictly ascending bin edges", found: "a list that is not"); return nil
                }
            }
            let w = weights ?? Array(repeating: 1, count: expectedWeights)
            if w.count != expectedWeights {
                p.report("weights", expected: "\(expectedWeights) weights (one per \(name == "choice" ? "value" : "bin between edges"))",
                         found: "\(w.count)"); return nil
            }
            if w.contains(where: { $0 < 0 }) || w.reduce(0, +) <= 0 {
                p.report("weights", expected: "weights >= 0 with a positive sum", found: "\(w.map(YAMLBuild.numberText))"); return nil
            }
            return name == "choice" ? .choice(values: values, weights: w) : .empirical(values: values, weights: w)
        default:
            return nil
        }
    }

    /// Why most or all draws of `d` would lie beyond `limit` (and be clamped there without a word):
    /// a constant, bound or clamp past it, or a median / mean past it; nil when `d` stays within (a
    /// `max` clamp at or below `limit` always does). The text describes what was found.
    public static func beyond(_ d: Distribution, max limit: Double) -> String? {
        let n = { (x: Double) in String(format: "%.15g", x) }
        if d.lowerBound > limit { return d.isConstant ? "'\(n(d.lowerBound))'" : "draws of at least \(n(d.lowerBound))" }
        if let clamp = d.clampMax, clamp <= limit { return nil }
        if d.upperBound.isFinite && d.upperBound > limit { return "draws up to \(n(d.upperBound))" }
        switch d.family {
        case .lognormal(let mu, _, let median) where exp(mu) > limit: return "a median of \(n(median ?? exp(mu)))"
        case .exponential(let mean) where mean > limit: return "a mean of \(n(mean))"
        case .normal(let mean, _, _, _) where mean > limit: return "a mean of \(n(mean))"
        default: return nil
        }
    }

    static func numberList(_ p: MapReader, _ key: String, required: Bool) -> [Double]? {
        guard let node = p.value(key) else {
            if required { p.missing(key, expected: "a list of numbers") }
            return nil
        }
        guard case .sequence(let seq) = node else { p.report(key, expected: "a list of numbers"); return nil }
        var out: [Double] = []
        for (i, item) in seq.enumerated() {
            guard let v = ScalarParsing.double(item) else {
                p.context.report(item, "\(p.child(key))[\(i)]", expected: "a number", found: DecodeContext.describe(item))
                return nil
            }
            out.append(v)
        }
        return out
    }

    /// The distribution as YAML, in the form a user would write it.
    public static func node(_ d: Distribution) -> Node {
        let n = YAMLBuild.number
        let familyNode: (String, Node)
        switch d.family {
        case .constant(let v):
            if d.clampMin == nil && d.clampMax == nil { return n(v) }
            familyNode = ("uniform", YAMLBuild.map([("min", n(v)), ("max", n(v))], flow: true))
        case .uniform(let lo, let hi): familyNode = ("uniform", YAMLBuild.map([("min", n(lo)), ("max", n(hi))], flow: true))
        case .uniformInt(let lo, let hi):
            familyNode = ("uniform_int", YAMLBuild.map([("min", n(Double(lo))), ("max", n(Double(hi)))], flow: true))
        case .exponential(let mean): familyNode = ("exponential", YAMLBuild.map([("mean", n(mean))], flow: true))
        case .lognormal(let mu, let sigma, let median):
            familyNode = ("lognormal", YAMLBuild.map([median.map { ("median", n($0)) } ?? ("mu", n(mu)), ("sigma", n(sigma))], flow: true))
        case .pareto(let scale, let shape): familyNode = ("pareto", YAMLBuild.map([("scale", n(scale)), ("shape", n(shape))], flow: true))
        case .normal(let mean, let sd, let lo, let hi):
            var pairs = [("mean", n(mean)), ("sd", n(sd))]
            if let lo { pairs.append(("min", n(lo))) }
            if let hi { pairs.append(("max", n(hi))) }
            familyNode = ("normal", YAMLBuild.map(pairs, flow: true))
        case .choice(let values, let weights):
            familyNode = ("choice", YAMLBuild.map([("values", YAMLBuild.list(values.map(n))), ("weights", YAMLBuild.list(weights.map(n)))], flow: true))
        case .empirical(let values, let weights):
            familyNode = ("empirical", YAMLBuild.map([("values", YAMLBuild.list(values.map(n))), ("weights", YAMLBuild.list(weights.map(n)))], flow: true))
        }
        var pairs = [familyNode]
        if let lo = d.clampMin { pairs.append(("min", n(lo))) }
        if let hi = d.clampMax { pairs.append(("max", n(hi))) }
        return YAMLBuild.map(pairs, flow: true)
    }
}
