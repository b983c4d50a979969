/// Splits CSV text as ampsim writes it (`CSVFormat.text` quoting) into records and fields, keeping
/// every field's text exactly as written, quotes included, so rows can be re-joined byte for byte.
///
/// Guarantees: commas and line breaks inside double quotes belong to the field; a record ends at an
/// unquoted LF (a CR just before it is not part of the last field); the text's final line break makes
/// no empty record; joining a record's fields with "," gives back its line.
public enum CSVRecords {
    /// The records of `text`, each a list of raw fields.
    public static func split(_ text: String) -> [[Substring]] {
        var records: [[Substring]] = []
        var fields: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var quoted = false
        var previous: UInt8 = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted && c == UInt8(ascii: ",") {
                fields.append(text[start..<i])
                start = bytes.index(after: i)
            } else if !quoted && c == UInt8(ascii: "\n") {
                let end = previous == UInt8(ascii: "\r") && start < i ? bytes.index(before: i) : i
                fields.append(text[start..<end])
                records.append(fields)
                fields = []
                start = bytes.index(after: i)
            }
            previous = c
            i = bytes.index(after: i)
        }
        if start < bytes.endIndex || !fields.isEmpty {
            fields.append(text[start..<bytes.endIndex])
            records.append(fields)
        }
        return records
    }

    /// The text of a raw field: outer quotes removed and doubled quotes undone.
    public static func unquote(_ field: Substring) -> String {
        guard field.count >= 2, field.first == "\"", field.last == "\"" else { return String(field) }
        return field.dropFirst().dropLast().replacingOccurrences(of: "\"\"", with: "\"")
    }
}
