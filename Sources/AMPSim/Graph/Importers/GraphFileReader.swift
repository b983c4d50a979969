import CLZMA
import Foundation

/// Reads a graph file into memory, decompressing xz (`*.xz`, recognised by its magic bytes) on the way.
///
/// Guarantees: returns the file's (decompressed) bytes or throws an `InputError` naming the file;
/// never reads a partial xz stream as if it were complete.
public enum GraphFileReader {
    static let xzMagic: [UInt8] = [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]

    /// The bytes of `path`; `label` names the file in messages.
    public static func read(_ path: String, label: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(location: label, expected: "an existing graph file", found: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw InputError(location: label, expected: "a graph file", found: "a folder")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(location: label, expected: "a readable graph file", found: "a file that cannot be read")
        }
        let bytes = [UInt8](data)
        if bytes.count >= xzMagic.count && Array(bytes[0..<xzMagic.count]) == xzMagic {
            return try decompressXZ(bytes, label: label)
        }
        return bytes
    }

    /// Decompresses a whole xz (or lzma) stream held in memory.
    static func decompressXZ(_ input: [UInt8], label: String) throws -> [UInt8] {
        var stream = ampsim_lzma_stream_init()
        guard lzma_stream_decoder(&stream, UInt64.max, ampsim_lzma_concatenated()) == LZMA_OK else {
            throw InputError(location: label, expected: "an xz file liblzma can open", found: "a decoder error")
        }
        defer { lzma_end(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 8)
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
                if result != LZMA_OK { break }
            }
        }
        guard result == LZMA_STREAM_END else {
            throw InputError(location: label, expected: "a complete xz stream", found: "a truncated or corrupt one (liblzma code \(result.rawValue))")
        }
        return output
    }
}
