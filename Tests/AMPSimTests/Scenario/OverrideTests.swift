import Testing
@testable import AMPSim

@Suite struct OverrideTests {
    let base = "name: o\ngraph: {nodes: 100}\npayment: {protocol: amp, strategy: halving}\n"

    func load(_ sets: [String]) throws -> Scenario {
        try ScenarioLoader.load(text: base, label: "o.yaml", overrides: sets.map { try Override.parse($0) })
    }

    func problems(_ sets: [String]) -> [String] {
        do { _ = try load(sets); return [] } catch let e as InputError { return e.diagnostics.map(\.description) } catch { return ["\(error)"] }
    }

    @Test func setsScalarsNestedFieldsAndDistributions() throws {
        let s = try load(["payment.protocol=mpp", "payment.fixed_n.n=8", "workload.amount_sat={uniform: {min: 10, max: 20}}",
                          "graph.nodes=2000", "seed=99"])
        #expect(s.payment.protocol == .mpp && s.payment.fixedN.n == 8 && s.graph.nodes == 2000 && s.seed == 99)
        #expect(s.workload.amountSat == Distribution(.uniform(min: 10, max: 20)))
        #expect(s.graph.channels == 5860)
    }

    @Test func laterOverridesWinAndEmptyResetsToDefault() throws {
        let s = try load(["payment.strategy=window", "payment.strategy=", "payment.protocol=keysend"])
        #expect(s.payment.strategy == .single && s.payment.protocol == .keysend)
    }

    @Test func problemsPointAtTheOverride() {
        #expect(problems(["payment.fixed_n.n=0"]) == ["--set payment.fixed_n.n=0: payment.fixed_n.n: expected an integer from 1 to 483, found '0'"])
        #expect(problems(["graph.nodez=5"]).first == "--set graph.nodez=5: graph.nodez: expected a known field (did you mean 'nodes'?), found an unknown field")
        #expect(problems(["payment.protocol=keysend"]) == ["o.yaml:3: payment.strategy: expected single with protocol keysend (a keysend payment is never split), found 'halving'"])
    }

    @Test func malformedOverridesAreRefused() {
        #expect(throws: InputError.self) { try Override.parse("payment.protocol") }
        #expect(throws: InputError.self) { try Override.parse("payment..protocol=amp") }
        #expect(throws: InputError.self) { try Override.parse("=amp") }
        #expect(throws: InputError.self) { try Override.parse("graph.nodes=[1, 2") }
        #expect(problems(["payment.protocol.x=1"]) == ["--set payment.protocol.x=1: payment.protocol: expected a mapping to set 'x' inside, found 'amp'"])
    }

    @Test func sweepRangesExpand() throws {
        func expand(_ s: String) -> [String]? {
            guard case .success(let nodes)? = SweepSpec.expandRange(s) else { return nil }
            return nodes.map { $0.string ?? "" }
        }
        #expect(expand("1000..10000000:log:7") == ["1000", "4642", "21544", "100000", "464159", "2154435", "10000000"])
        #expect(expand("0..1:lin:11") == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"])
        #expect(expand("0..1:log:3") == nil)
        #expect(expand("5..5:lin:3") == nil)
        #expect(SweepSpec.expandRange("amp") == nil)
    }

    @Test func sweepAxesAreValidatedValueByValue() {
        let text = base + "sweep:\n  vary:\n    payment.protocol: [mpp, keysend, amq]\n    workload.amount_sat: 1000..100000:log:3\n"
        do {
            let s = try ScenarioLoader.load(text: text, label: "o.yaml")
            Issue.record("expected a failure, got \(s.name)")
        } catch let e as InputError {
            let lines = e.diagnostics.map(\.description)
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { $0.hasPrefix("o.yaml:6:") })
            #expect(lines.contains { $0.contains("keysend") && $0.contains("payment.strategy") })
            #expect(lines.contains { $0.contains("'amq'") && $0.contains("did you mean 'amp'") })
        } catch { Issue.record("\(error)") }
        let ok = base + "sweep:\n  vary:\n    payment.protocol: [mpp, amp]\n    workload.amount_sat: 1000..100000:log:3\n"
        #expect((try? ScenarioLoader.load(text: ok))?.sweep?.axes.map(\.values) == [["mpp", "amp"], ["1000", "10000", "100000"]])
    }
}
