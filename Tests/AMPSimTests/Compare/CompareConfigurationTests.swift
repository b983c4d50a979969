import Testing
@testable import AMPSim

/// `--configs` and `--baseline` of `ampsim compare`: what they accept, and the exact message for what
/// they refuse.
@Suite struct CompareConfigurationTests {
    static let strategies = "single|fixed-n|halving|window|lnd|cln-presplit|optimal-flow"

    func message(_ body: () throws -> Any) -> String {
        do { _ = try body() } catch { return "\(error)" }
        return "<accepted>"
    }

    @Test func defaultsAreTheSixConfigurationsAgainstKeysend() throws {
        #expect(CompareConfiguration.defaults.map(\.description) == ["keysend:single", "mpp:single", "mpp:lnd", "mpp:halving", "amp:halving", "amp:window"])
        #expect(try CompareConfiguration.baseline(nil, among: CompareConfiguration.defaults).description == "keysend:single")
        #expect(CompareConfiguration.vary(CompareConfiguration.defaults) ==
                "payment.protocol,payment.strategy=keysend:single,mpp:single,mpp:lnd,mpp:halving,amp:halving,amp:window")
        #expect(CompareConfiguration.pair(.init(.keysend, .single)) == "payment.protocol,payment.strategy=keysend:single")
    }

    @Test func listsKeepTheirOrderAndTheBaselineDefaultsToTheFirstWithoutKeysend() throws {
        let list = try CompareConfiguration.parseList("amp:lnd,mpp:lnd,amp:fixed-n")
        #expect(list.map(\.description) == ["amp:lnd", "mpp:lnd", "amp:fixed-n"])
        #expect(try CompareConfiguration.baseline(nil, among: list).description == "amp:lnd")
        #expect(try CompareConfiguration.baseline("mpp:lnd", among: list).description == "mpp:lnd")
    }

    @Test func badConfigurationsGetOneLocatedMessage() {
        let expected = "expected PROTOCOL:STRATEGY with protocol keysend|mpp|amp|redundant and strategy \(Self.strategies)"
        #expect(message { try CompareConfiguration.parseList("mpp:bogus") } == "--configs mpp:bogus: \(expected), found 'mpp:bogus'")
        #expect(message { try CompareConfiguration.parseList("mpp:lnd,bolt:single") } == "--configs mpp:lnd,bolt:single: \(expected), found 'bolt:single'")
        #expect(message { try CompareConfiguration.parseList("mpp,amp") } == "--configs mpp,amp: \(expected), found 'mpp'")
        #expect(message { try CompareConfiguration.parseList("mpp:lnd:x,amp:lnd") } == "--configs mpp:lnd:x,amp:lnd: \(expected), found 'mpp:lnd:x'")
        #expect(message { try CompareConfiguration.parseList("mpp:lnd,,amp:lnd") } ==
                "--configs mpp:lnd,,amp:lnd: \(expected) between every two commas, found an empty configuration")
        #expect(message { try CompareConfiguration.parseList("keysend:single,keysend:halving") } ==
                "--configs keysend:single,keysend:halving: expected strategy single with protocol keysend (a keysend payment is never split), found 'keysend:halving'")
        #expect(message { try CompareConfiguration.parseList("mpp:lnd,mpp:lnd") } == "--configs mpp:lnd,mpp:lnd: expected distinct configurations, found 'mpp:lnd' twice")
        #expect(message { try CompareConfiguration.parseList("mpp:lnd") } == "--configs mpp:lnd: expected at least two configurations to compare, found 'mpp:lnd'")
    }

    @Test func aBaselineMustBeOneOfTheConfigurations() {
        let list = [CompareConfiguration(.mpp, .lnd), CompareConfiguration(.amp, .lnd)]
        #expect(message { try CompareConfiguration.baseline("keysend:single", among: list) } ==
                "--baseline keysend:single: expected one of the configurations (mpp:lnd, amp:lnd), found 'keysend:single'")
        #expect(message { try CompareConfiguration.baseline("amp-lnd", among: list) } ==
                "--baseline amp-lnd: expected PROTOCOL:STRATEGY with protocol keysend|mpp|amp|redundant and strategy \(Self.strategies), found 'amp-lnd'")
    }
}
