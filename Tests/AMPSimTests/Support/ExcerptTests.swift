import Foundation
import Testing
@testable import AMPSim

/// Excerpts of input in messages: short, escaped, never raw bytes; compressed and binary files named.
@Suite struct ExcerptTests {
    @Test func quotesAreShortAndEscaped() {
        #expect(Excerpt.quoted("plain") == "'plain'")
        #expect(Excerpt.quoted("a\tb\r\nc\u{1}") == "'a\\tb\\r\\nc\\x01'")
        #expect(Excerpt.quoted(String(repeating: "x", count: 100), limit: 5) == "'xxxxx...'")
        #expect(Excerpt.quoted("né 🚀") == "'né 🚀'")
        #expect(Excerpt.quoted([0x61, 0xFF, 0xFE, 0x62] as [UInt8]) == "'a\\xFF\\xFEb'")
    }

    @Test func kindsByMagicBytes() {
        #expect(Excerpt.kind(of: [0x1F, 0x8B, 0x08] as [UInt8]) == "gzip-compressed data")
        #expect(Excerpt.kind(of: Array("BZh91AY".utf8)) == "bzip2-compressed data")
        #expect(Excerpt.kind(of: [0x28, 0xB5, 0x2F, 0xFD, 0x00] as [UInt8]) == "zstd-compressed data")
        #expect(Excerpt.kind(of: [0x50, 0x4B, 0x03, 0x04] as [UInt8]) == "a zip archive")
        #expect(Excerpt.kind(of: [0x41, 0x00, 0x42] as [UInt8]) == "binary data")
        #expect(Excerpt.kind(of: Array("{\"nodes\": []}\r\n".utf8)) == nil)
        #expect(Excerpt.kind(of: Array("id,né\n".utf8)) == nil)
        #expect(Excerpt.advice(for: "gzip-compressed data") == ": decompress it, or recompress it with xz (ampsim reads .xz directly)")
        #expect(Excerpt.advice(for: "gzip-compressed data", readsXZ: false) == ": decompress it")
        #expect(Excerpt.advice(for: "binary data").isEmpty)
    }
}
