import AMPSim

/// The contract every fuzz target checks: reading an input either succeeds or throws `InputError`.
///
/// Guarantees: any other error stops the fuzzer (as a crash, so libFuzzer saves the input); traps and
/// sanitizer reports stop it by themselves.
public enum FuzzInput {
    /// The fuzzer's bytes as an array.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Runs `body`; an `InputError` is a correct answer, any other error a finding.
    public static func expectResultOrInputError(_ body: () throws -> Void) {
        do {
            try body()
        } catch is InputError {
        } catch {
            fatalError("not an InputError: \(error)")
        }
    }

    /// Splits `bytes` at lines holding only `---` into exactly `count` parts (missing parts are empty).
    public static func split(_ bytes: [UInt8], parts count: Int) -> [[UInt8]] {
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
