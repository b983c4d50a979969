import CLZMA
import Foundation

/// Reads a graph file into memory, decompressing xz (`*.xz`, recognised by its magic bytes) on the way.
///
/// Guarantees: returns the file's (decompressed) bytes or throws an `InputError` naming the file (and
/// what it looks like when it is compressed otherwise or binary, e.g. gzip);
/// never reads a partial xz stream as if it were complete; refuses, before reading, a file larger than
/// `limits.graphFileBytes`, and stops decompressing past `limits.decompressedBytes` (an xz bomb).
public enum GraphFileReader {
    static let xzMagic: [UInt8] = [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]

    /// Checks, without reading it, that `path` is an existing, readable file within the size limit.
    public static func checkFile(_ path: String, label: String, limits: ResourceLimits = .standard) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(location: label, expected: "an existing file", found: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw InputError(location: label, expected: "a file", found: "a folder")
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        if size > limits.graphFileBytes {
            throw InputError(location: label, expected: "a file of at most \(limits.graphFileBytes) bytes (pass --allow-large to read it anyway)",
                             found: "a file of \(size) bytes")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(location: label, expected: "a readable file", found: "a file that cannot be read (permissions)")
        }
    }

    /// The bytes of `path`; `label` names the file in messages.
    public static func read(_ path: String, label: String, limits: ResourceLimits = .standard) throws -> [UInt8] {
        try checkFile(path, label: label, limits: limits)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(location: label, expected: "a readable graph file", found: "a file that cannot be read")
        }
        var bytes = [UInt8](data)
        if bytes.count >= xzMagic.count && Array(bytes[0..<xzMagic.count]) == xzMagic {
            bytes = try decompressXZ(bytes, label: label, maxBytes: limits.decompressedBytes)
        }
        if let kind = Excerpt.kind(of: bytes) {
            throw InputError(location: label, expected: "a text file (JSON or CSV, plain or .xz)", found: kind + Excerpt.advice(for: kind))
        }
        return bytes
    }

    /// Decompresses a whole xz (or lzma) stream held in memory.
    static func decompressXZ(_ input: [UInt8], label: String, maxBytes: Int = ResourceLimits.standard.decompressedBytes) throws -> [UInt8] {
        var stream = ampsim_lzma_stream_init()
        guard lzma_stream_decoder(&stream, UInt64.max, ampsim_lzma_concatenated()) == LZMA_OK else {
            throw InputError(location: label, expected: "an xz file liblzma can open", found: "a decoder error")
        }
        defer { lzma_end(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(maxBytes, input.count * 8))
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var result = LZMA_OK
        input.withUnsafeBufferPointer { inPtr in
            stream.next_in = inPtr.baseAddress
            stream.avail_in = inPtr.count
            while true {
                let action = stream.avail_in == 0 ? LZMA_FINISH : LZMA_RUN
                buffer.withUnsafeMutableBufferPointer { outPtr in
                    stream.next_out = outPtr.baseAddress
                    stream.avail_out = chunk
                    result = lzma_code(&stream, action)
                    output.append(contentsOf: outPtr[0..<(chunk - stream.avail_out)])
                }
                if result != LZMA_OK || output.count > maxBytes { break }
            }
        }
        if output.count > maxBytes {
            throw InputError(location: label, expected: "a file of at most \(maxBytes) bytes once decompressed (pass --allow-large to read it anyway)",
                             found: "more")
        }
        guard result == LZMA_STREAM_END else {
            throw InputError(location: label, expected: "a complete xz stream", found: "a truncated or corrupt one (liblzma code \(result.rawValue))")
        }
        return output
    }
}
