import Foundation

/// One configuration of `ampsim compare`: a payment protocol and a sender strategy, written
/// `PROTOCOL:STRATEGY` (`mpp:lnd`).
///
/// Guarantees: `parseList` and `baseline` accept exactly the configurations a scenario accepts
/// (a known protocol, a known strategy, keysend only with `single`), distinct, at least two, and a
/// baseline among them; anything else is one `InputError` located at the flag and its value as typed
/// (`--configs mpp:bogus: expected PROTOCOL:STRATEGY with ..., found 'mpp:bogus'`).
public struct CompareConfiguration: Sendable, Hashable, CustomStringConvertible {
    public var paymentProtocol: PaymentProtocol
    public var strategy: StrategyName

    public init(_ paymentProtocol: PaymentProtocol, _ strategy: StrategyName) {
        self.paymentProtocol = paymentProtocol
        self.strategy = strategy
    }

    public var description: String { paymentProtocol.rawValue + ":" + strategy.rawValue }

    /// keysend:single, mpp:single, mpp:lnd, mpp:halving, amp:halving, amp:window.
    public static let defaults: [CompareConfiguration] = [
        .init(.keysend, .single), .init(.mpp, .single), .init(.mpp, .lnd), .init(.mpp, .halving), .init(.amp, .halving), .init(.amp, .window),
    ]

    public static let defaultBaseline = CompareConfiguration(.keysend, .single)

    /// The sweep axis that varies protocol and strategy together.
    public static let axis = "payment.protocol,payment.strategy"

    static var expected: String {
        "PROTOCOL:STRATEGY with protocol " + PaymentProtocol.allCases.map(\.rawValue).joined(separator: "|") +
            " and strategy " + StrategyName.allCases.map(\.rawValue).joined(separator: "|")
    }

    /// One `PROTOCOL:STRATEGY`; problems are located at `origin`.
    public static func parse(_ item: String, origin: String) throws -> CompareConfiguration {
        let parts = item.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let p = PaymentProtocol(rawValue: parts[0]), let s = StrategyName(rawValue: parts[1]) else {
            throw InputError(location: origin, expected: expected, found: "'\(item)'")
        }
        guard p != .keysend || s == .single else {
            throw InputError(location: origin, expected: "strategy single with protocol keysend (a keysend payment is never split)",
                             found: "'\(item)'")
        }
        return CompareConfiguration(p, s)
    }

    /// The configurations of `--configs TEXT` (comma-separated), in the order given.
    public static func parseList(_ text: String) throws -> [CompareConfiguration] {
        let origin = "--configs \(text)"
        var out: [CompareConfiguration] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            guard !item.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw InputError(location: origin, expected: expected + " between every two commas", found: "an empty configuration")
            }
            let configuration = try parse(item, origin: origin)
            guard !out.contains(configuration) else {
                throw InputError(location: origin, expected: "distinct configurations", found: "'\(configuration)' twice")
            }
            out.append(configuration)
        }
        guard out.count >= 2 else {
            throw InputError(location: origin, expected: "at least two configurations to compare", found: "'\(text)'")
        }
        return out
    }

    /// `--baseline TEXT`, or by default keysend:single when it is among `configurations`, else the first.
    public static func baseline(_ text: String?, among configurations: [CompareConfiguration]) throws -> CompareConfiguration {
        guard let text else { return configurations.contains(defaultBaseline) ? defaultBaseline : configurations[0] }
        let origin = "--baseline \(text)"
        let baseline = try parse(text, origin: origin)
        guard configurations.contains(baseline) else {
            throw InputError(location: origin, expected: "one of the configurations (\(configurations.map(\.description).joined(separator: ", ")))",
                             found: "'\(text)'")
        }
        return baseline
    }

    /// `--vary` text for the configurations: `payment.protocol,payment.strategy=keysend:single,mpp:lnd`.
    public static func vary(_ configurations: [CompareConfiguration]) -> String {
        axis + "=" + configurations.map(\.description).joined(separator: ",")
    }

    /// `--pair` text for the baseline: `payment.protocol,payment.strategy=keysend:single`.
    public static func pair(_ baseline: CompareConfiguration) -> String { axis + "=" + baseline.description }
}
