import Testing
@testable import AMPSim

/// Bad `redundant` input: one located message each.
@Suite struct RedundantValidationTests {
    func problems(_ payment: String) -> [String] {
        do {
            _ = try ScenarioLoader.load(text: "name: x\ngraph: {nodes: 10}\npayment: \(payment)\n", label: "s.yaml")
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func badRedundantInputIsRefusedWithOneLocatedMessage() {
        let base = "protocol: redundant, strategy: fixed-n"
        #expect(problems("{\(base), redundant: {extra_parts: -1}}")
                == ["s.yaml:3: payment.redundant.extra_parts: expected an integer from 0 to 483, found '-1'"])
        #expect(problems("{\(base), redundant: {extra_parts: 484}}")
                == ["s.yaml:3: payment.redundant.extra_parts: expected an integer from 0 to 483, found '484'"])
        #expect(problems("{protocol: redundant, strategy: single}")
                == ["s.yaml:3: payment.strategy: expected a splitting strategy with protocol redundant (fixed-n, halving, window, lnd or cln-presplit: it fixes n), found 'single'"])
        #expect(problems("{\(base), redundant: {scheme: erasure}}").count == 1)
        #expect(problems("{\(base), redundant: {scheme: erasure}}").first?.hasPrefix("s.yaml:3: payment.redundant.scheme: expected ") == true)
        #expect(problems("{protocol: amp, strategy: halving, redundant: {extra_parts: 1}}")
                == ["s.yaml:3: payment.redundant: expected no redundant block with protocol amp (it applies to protocol redundant only), found a redundant block"])
    }

    /// A block made by `--set` points at the override that made it.
    @Test func aRedundantBlockSetOnTheCommandLineIsLocatedThere() throws {
        do {
            _ = try ScenarioLoader.load(text: "name: x\ngraph: {nodes: 10}\npayment: {protocol: amp}\n", label: "s.yaml",
                                        overrides: [try Override.parse("payment.redundant.extra_parts=2")])
            Issue.record("accepted")
        } catch let error as InputError {
            #expect(error.diagnostics.map(\.description) == ["--set payment.redundant.extra_parts=2: payment.redundant: expected no redundant block with protocol amp (it applies to protocol redundant only), found a redundant block"])
        }
    }

    @Test func redundantReadsBackAndDefaults() throws {
        let s = try ScenarioLoader.load(text: "name: x\ngraph: {nodes: 10}\npayment: {protocol: redundant, strategy: fixed-n}\n")
        #expect(s.payment.redundant == RedundantParams(extraParts: 1, scheme: .boomerang))
        let again = try ScenarioLoader.load(text: s.yaml, baseDirectory: s.baseDirectory)
        #expect(again == s && again.yaml.contains("redundant: {extra_parts: 1, scheme: boomerang}"))
        let amp = try ScenarioLoader.load(text: "name: x\ngraph: {nodes: 10}\npayment: {protocol: amp}\n")
        #expect(!amp.yaml.contains("redundant"))
    }
}
