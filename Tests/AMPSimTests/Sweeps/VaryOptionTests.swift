import Testing
@testable import AMPSim

/// `--vary` texts: lists, ranges, grouped paths, values with commas inside, and the exact refusals.
@Suite struct VaryOptionTests {
    func problem(_ text: String) -> String {
        do { _ = try VaryOption.parse(text); return "no error" } catch { return "\(error)" }
    }

    @Test func listsRangesAndFlowValues() throws {
        #expect(try VaryOption.parse("payment.protocol=keysend,mpp,amp").values == ["keysend", "mpp", "amp"])
        let range = try VaryOption.parse("workload.amount_sat=1000..10000000:log:7")
        #expect(range.values == ["1000", "4642", "21544", "100000", "464159", "2154435", "10000000"])
        #expect(range.written == "1000..10000000:log:7")
        #expect(try VaryOption.parse("network.offline_probability=0..1:lin:3,0.75").values == ["0", "0.5", "1", "0.75"])
        let flow = try VaryOption.parse("workload.amount_sat={uniform: {min: 10, max: 20}},5000")
        #expect(flow.values == ["{uniform: {min: 10, max: 20}}", "5000"])
        #expect(flow.written == "[{uniform: {min: 10, max: 20}}, 5000]")
    }

    @Test func groupedPathsTakeTheirValuesTogether() throws {
        let axis = try VaryOption.parse("payment.protocol,payment.strategy=keysend:single,mpp:halving,amp:halving")
        #expect(axis.paths == ["payment.protocol", "payment.strategy"])
        #expect(axis.settings == [["keysend", "single"], ["mpp", "halving"], ["amp", "halving"]])
        #expect(axis.values == ["[keysend, single]", "[mpp, halving]", "[amp, halving]"])
        #expect(axis.written == "[[keysend, single], [mpp, halving], [amp, halving]]")
    }

    @Test func refusalsNameTheFlag() {
        #expect(problem("workload.amount_sat=5..5:lin:3")
                == "--vary workload.amount_sat=5..5:lin:3: workload.amount_sat: expected a range START..END:lin|log:N with a range whose ends differ (or a point count of 1), found '5..5:lin:3'")
        #expect(problem("workload.amount_sat=1..10:lin:0")
                == "--vary workload.amount_sat=1..10:lin:0: workload.amount_sat: expected a range START..END:lin|log:N with a point count from 1 to 10000 after the second ':', found '1..10:lin:0'")
        #expect(problem("payment.protocol=") == "--vary payment.protocol=: payment.protocol: expected at least one value, found nothing")
        #expect(problem("payment.protocol=mpp,,amp") == "--vary payment.protocol=mpp,,amp: payment.protocol: expected a value between every two commas, found an empty value")
        #expect(problem("payment.protocol=mpp,mpp") == "--vary payment.protocol=mpp,mpp: payment.protocol: expected distinct values, found 'mpp' twice")
        #expect(problem("payment.protocol") == "--vary payment.protocol: expected PATH=V1,V2,... or PATH=START..END:lin|log:N, e.g. payment.protocol=mpp,amp, found no '='")
        #expect(problem("payment.protocol,payment.strategy=keysend:single,amp")
                == "--vary payment.protocol,payment.strategy=keysend:single,amp: payment.protocol,payment.strategy: expected 2 values joined by ':' in each item, e.g. keysend:single, found 'amp'")
    }

    /// Fields every grid point shares (replications, name, the output folder) cannot be axes: varying
    /// them would be accepted and change nothing.
    @Test func fieldsThatCannotDifferBetweenPointsAreRefused() throws {
        func message(_ text: String) -> String {
            do { _ = try VaryOption.parse(text); return "" } catch let e as InputError { return e.description } catch { return "\(error)" }
        }
        #expect(message("replications=1,2") ==
                "--vary replications=1,2: replications: expected a field that can differ between grid points (every grid point runs the same replications: use --replications N), found 'replications'")
        #expect(message("name=a,b") ==
                "--vary name=a,b: name: expected a field that can differ between grid points (a sweep has one name; its run folders are named by run id), found 'name'")
        #expect(message("output.dir=x,y") ==
                "--vary output.dir=x,y: output.dir: expected a field that can differ between grid points (a sweep writes every run under --out DIR), found 'output.dir'")
        #expect(message("payment.protocol,replications=mpp:1,amp:2").contains("replications: expected a field that can differ"))
        #expect(message("output.parts=true,false").isEmpty && message("seed=1,2").isEmpty)
        let file = TestPaths.write("name: s\ngraph: {nodes: 10}\nsweep:\n  vary:\n    name: [a, b]\n")
        #expect(throws: InputError.self) { try ScenarioLoader.load(path: file) }
        do { _ = try ScenarioLoader.load(path: file) } catch let e as InputError {
            #expect(e.description == "\(file):5: sweep.vary.name: expected a field that can differ between grid points (a sweep has one name; its run folders are named by run id), found 'name'")
        }
    }

    @Test func runIDsAndShards() throws {
        #expect(SweepRunID(point: 3, replication: 7).text == "p003-r07")
        #expect(SweepRunID(point: 1234, replication: 100).text == "p1234-r100")
        #expect(SweepRunID.parse("p003-r07") == SweepRunID(point: 3, replication: 7))
        #expect(SweepRunID.parse("p3-r7") == nil)
        #expect(try SweepShard.parse("2/8") == SweepShard(index: 2, count: 8))
        #expect(throws: InputError.self) { try SweepShard.parse("3/2") }
        #expect(throws: InputError.self) { try SweepShard.parse("0/2") }
        #expect(throws: InputError.self) { try SweepShard.parse("1/0") }
        let shards = (1...3).map { SweepShard(index: $0, count: 3) }
        for ordinal in 0..<20 { #expect(shards.filter { $0.contains(ordinal: ordinal) }.count == 1) }
    }
}
