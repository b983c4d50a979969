import Foundation

/// Short, printable excerpts of input for error messages, and a guess of what a file that is not text
/// holds, so that a message never echoes raw bytes or a whole line of a huge file.
///
/// Guarantees: `quoted` returns at most about `limit` characters between single quotes, with line
/// breaks, tabs, other control characters and bytes that are not UTF-8 written as escapes (`\n`,
/// `\r`, `\t`, `\x1F`); `kind` names common compressed or binary formats by their magic bytes.
public enum Excerpt {
    /// The text `'...'` for `bytes`, cut after `limit` characters (the cut said with `...`).
    public static func quoted(_ bytes: some Collection<UInt8>, limit: Int = 40) -> String {
        var out = ""
        var count = 0
        var pending: [UInt8] = []
        var truncated = false
        func flush() {
            guard !pending.isEmpty else { return }
            if let text = String(bytes: pending, encoding: .utf8), !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                out += text
                count += text.count
            } else {
                for b in pending { out += String(format: "\\x%02X", b); count += 4 }
            }
            pending = []
        }
        for b in bytes {
            if count >= limit { truncated = true; break }
            if b >= 0x80 { pending.append(b); continue }
            flush()
            switch b {
            case 0x0A: out += "\\n"; count += 2
            case 0x0D: out += "\\r"; count += 2
            case 0x09: out += "\\t"; count += 2
            case 0x20..<0x7F: out.append(Character(Unicode.Scalar(b))); count += 1
            default: out += String(format: "\\x%02X", b); count += 4
            }
        }
        if !truncated { flush() }
        return "'" + out + (truncated ? "..." : "") + "'"
    }

    /// The same for text.
    public static func quoted(_ text: some StringProtocol, limit: Int = 40) -> String {
        quoted(Array(text.utf8.prefix(limit * 4 + 16)), limit: limit)
    }

    /// What `bytes` (the start of a file) look like when they are not text: e.g. "gzip-compressed
    /// data"; nil when they look like text.
    public static func kind(of bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(512))
        let magics: [([UInt8], String)] = [
            ([0x1F, 0x8B], "gzip-compressed data"), ([0x42, 0x5A, 0x68], "bzip2-compressed data"),
            ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data"), ([0x50, 0x4B, 0x03, 0x04], "a zip archive"),
            ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0x25, 0x50, 0x44, 0x46], "a PDF document"), ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"),
        ]
        for (magic, name) in magics where head.starts(with: magic) { return name }
        if head.contains(0) { return "binary data" }
        if head.count >= 16 && String(bytes: head, encoding: .utf8) == nil && String(bytes: head.dropLast(3), encoding: .utf8) == nil {
            return "binary data (not UTF-8 text)"
        }
        return nil
    }

    /// Advice for a file of that kind; `readsXZ` when the file may be given xz-compressed (graph files).
    public static func advice(for kind: String, readsXZ: Bool = true) -> String {
        guard kind != "xz-compressed data" || !readsXZ, kind.hasSuffix("compressed data") || kind == "a zip archive" else { return "" }
        return readsXZ ? ": decompress it, or recompress it with xz (ampsim reads .xz directly)" : ": decompress it"
    }
}
