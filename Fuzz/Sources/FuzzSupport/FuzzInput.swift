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
}
