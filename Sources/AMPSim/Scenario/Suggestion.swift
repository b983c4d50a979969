/// "Did you mean" suggestions for misspelt field and option names.
///
/// Guarantees: suggests only a candidate within edit distance max(2, length / 3) of the input, the
/// closest one (first in the given order on ties); case and `-`/`_` differences count as no edit.
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let key = normalized(word)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(key, normalized(candidate))
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        guard let (candidate, d) = best else { return nil }
        return d <= max(2, key.count / 3) ? candidate : nil
    }

    /// " (did you mean 'x'?)" or "".
    public static func hint(for word: String, among candidates: [String]) -> String {
        closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    static func normalized(_ s: String) -> [Character] {
        Array(s.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
