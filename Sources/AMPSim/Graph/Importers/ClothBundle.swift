/// The three files of a CLoTH graph (nodes.csv, channels.csv, edges.csv) as one text, separated by
/// lines holding only `---`: the form the CLoTH fuzz target and its regression inputs use.
///
/// Guarantees: always exactly `count` parts, in order; a part that is missing is empty; every part
/// but the last keeps the line break before its separator.
public enum ClothBundle {
    public static func split(_ bytes: [UInt8], parts count: Int = 3) -> [[UInt8]] {
        let marker = Array("\n---\n".utf8)
        var parts: [[UInt8]] = []
        var start = 0, i = 0
        while i + marker.count <= bytes.count && parts.count < count - 1 {
            if Array(bytes[i..<(i + marker.count)]) == marker {
                parts.append(Array(bytes[start..<i]) + [10])
                i += marker.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(Array(bytes[start...]))
        while parts.count < count { parts.append([]) }
        return parts
    }
}
