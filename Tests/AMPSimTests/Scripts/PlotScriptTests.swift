import Foundation
import Testing

/// Scripts/plot.py as CI runs it: on a tiny sweep summary (Tests/Fixtures/summary_ci-tiny.csv) it writes
/// every figure with something to show as PNG, SVG and PDF, one panel per strategy with the protocol as
/// line style; identical series are drawn once with a note; intervals are clipped to the metric's range;
/// paired.csv gives the paired-difference figure; a single run's summary gives one bar chart; bad input
/// (not a summary, not UTF-8) exits 2.
/// Needs python3 with matplotlib (`python3 -m pip install matplotlib`; .ci/run installs it).
@Suite struct PlotScriptTests {
    /// The fixture's partial loss and slot failures are zero everywhere: those figures are not drawn.
    static let figures = ["success_rate", "fee_ppm", "htlcs_slots", "locked_liquidity", "linkable_parts"]

    func plot(_ arguments: [String]) throws -> CommandRun {
        try CommandRun.run("/usr/bin/env", ["python3", TestPaths.packageRoot + "/Scripts/plot.py"] + arguments)
    }

    func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test func writesEveryFigureAsPNGAndSVG() throws {
        let out = TestPaths.scratch() + "/figures"
        let run = try plot([TestPaths.packageRoot + "/Tests/Fixtures/summary_ci-tiny.csv", "--out", out, "--title", "tiny"])
        #expect(run.status == 0, "\(run.stderr)")
        for name in Self.figures {
            for ext in ["png", "svg", "pdf"] {
                let path = "\(out)/\(name).\(ext)"
                #expect(size(path) > 0, "\(name).\(ext) missing or empty")
                #expect(run.stdout.split(separator: "\n").contains { $0.hasSuffix("/\(name).\(ext)") })
            }
            let png = (try? Data(contentsOf: URL(fileURLWithPath: "\(out)/\(name).png"))) ?? Data()
            #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name).png is not a PNG")
            let svg = (try? String(contentsOfFile: "\(out)/\(name).svg", encoding: .utf8)) ?? ""
            #expect(svg.contains("<svg"), "\(name).svg is not an SVG")
            let pdf = (try? Data(contentsOf: URL(fileURLWithPath: "\(out)/\(name).pdf"))) ?? Data()
            #expect(pdf.prefix(5) == Data("%PDF-".utf8), "\(name).pdf is not a PDF")
        }
        // One panel per strategy, protocols in the legend, the title and the question over it, the
        // amount axis with its unit.
        let success = (try? String(contentsOfFile: "\(out)/success_rate.svg", encoding: .utf8)) ?? ""
        for text in ["strategy: single", "strategy: halving", "<!-- protocol -->", "<!-- keysend -->", "<!-- mpp -->",
                     "<!-- amp -->", "<!-- Success rate -->", "<!-- tiny -->", "payment amount (sat)"] {
            #expect(success.contains(text), "success_rate.svg lacks \(text)")
        }
        #expect(!success.contains("amp / halving"), "the strategy is the panel, not part of the series label")
        #expect(run.stderr.contains("partial_loss: partial_loss_msat_total is zero or empty everywhere: no panel"))
        #expect(run.stderr.contains("slots_exhausted: nothing to show, not written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 3 * Self.figures.count)
    }

    /// The same input gives the same bytes (no dates in PNG, SVG or PDF).
    @Test func sameInputSameBytes() throws {
        let first = TestPaths.scratch() + "/a", second = TestPaths.scratch() + "/b"
        for out in [first, second] {
            let run = try plot([TestPaths.packageRoot + "/Tests/Fixtures/summary_ci-tiny.csv", "--out", out])
            #expect(run.status == 0, "\(run.stderr)")
        }
        for ext in ["png", "svg", "pdf"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(first)/fee_ppm.\(ext)"))
            let b = try Data(contentsOf: URL(fileURLWithPath: "\(second)/fee_ppm.\(ext)"))
            #expect(a == b, "fee_ppm.\(ext) differs between two runs")
        }
    }

    /// AMP and MPP with honest receivers give identical numbers: drawn once, labelled `mpp = amp`, and
    /// a note under the figure says so. A series that differs anywhere keeps its own line.
    @Test func identicalSeriesAreDrawnOnceWithANote() throws {
        var csv = "payment.protocol,payment.strategy,workload.amount_sat,metric,replications,mean,ci_lower,ci_upper,interval\n"
        for amount in ["1000", "100000"] {
            csv += "keysend,single,\(amount),success_rate,3,0.5,0.4,0.6,t\n"
            for strategy in ["halving", "lnd"] {
                for proto in ["mpp", "amp"] {
                    let mean = strategy == "lnd" && proto == "amp" && amount == "1000" ? "0.61" : "0.6"
                    csv += "\(proto),\(strategy),\(amount),success_rate,3,\(mean),0.5,0.7,t\n"
                }
            }
        }
        let input = TestPaths.write(csv, name: "summary_ci.csv")
        let out = TestPaths.scratch() + "/same"
        let run = try plot([input, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let svg = (try? String(contentsOfFile: "\(out)/success_rate.svg", encoding: .utf8)) ?? ""
        #expect(svg.contains("<!-- mpp = amp -->"))
        #expect(svg.contains("Identical values, drawn once: mpp = amp."))
        #expect(svg.contains("<!-- amp -->"), "lnd's amp differs at 1,000 sat: its own legend entry")
    }

    /// Means and interval ends are clipped to the metric's range: shares to [0, 1] (differences of
    /// shares to [-1, 1]), every other plotted metric to >= 0; a difference of a non-share is not clipped.
    @Test func intervalsAreClippedToTheMetricsRange() throws {
        let code = """
        import sys; sys.path.insert(0, sys.argv[1]); import plot
        print(plot.clip(1.0049, "volume_success_rate"), plot.clip(-0.03, "success_rate"), plot.clip(-5.0, "fee_ppm_mean"),
              plot.clip(-1.5, "success_rate", True), plot.clip(-5.0, "fee_ppm_mean", True), plot.clip(0.25, "success_rate"))
        """
        let run = try CommandRun.run("/usr/bin/env", ["python3", "-c", code, TestPaths.packageRoot + "/Scripts"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "1.0 0.0 0.0 -1.0 -5.0 0.25\n")
    }

    /// paired.csv (with the summary, so the baseline is named) gives the paired-difference figure with
    /// one panel per strategy; metrics whose differences are zero everywhere get no panel.
    @Test func pairedDifferenceFigure() throws {
        var summary = "point,workload.amount_sat,payment.protocol,payment.strategy,metric,replications,mean,ci_lower,ci_upper,interval\n"
        var paired = "point,workload.amount_sat,payment.protocol,payment.strategy,baseline_point,metric,pairs,mean_difference,ci_lower,ci_upper\n"
        for (i, amount) in ["1000", "100000"].enumerated() {
            let base = 5 * i
            summary += "\(base),\(amount),keysend,single,success_rate,3,0.5,0.4,0.6,t\n"
            for (j, strategy) in ["halving", "lnd"].enumerated() {
                for (k, proto) in ["mpp", "amp"].enumerated() {
                    let point = base + 1 + 2 * j + k
                    summary += "\(point),\(amount),\(proto),\(strategy),success_rate,3,0.6,0.5,0.7,t\n"
                    paired += "\(point),\(amount),\(proto),\(strategy),\(base),success_rate,3,0.0\(i + j + k + 1),-0.01,0.05\n"
                    paired += "\(point),\(amount),\(proto),\(strategy),\(base),partial_loss_msat_total,3,0,0,0\n"
                }
            }
        }
        let summaryFile = TestPaths.write(summary, name: "summary_ci.csv")
        let pairedFile = TestPaths.write(paired, name: "paired.csv")
        let out = TestPaths.scratch() + "/paired"
        let run = try plot([summaryFile, "--paired", pairedFile, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let svg = (try? String(contentsOfFile: "\(out)/paired_difference.svg", encoding: .utf8)) ?? ""
        #expect(svg.contains("Difference from keysend / single, replication by replication"))
        #expect(svg.contains("Δ success rate") && svg.contains("strategy: halving") && svg.contains("strategy: lnd"))
        #expect(!svg.contains("partial loss"))
        #expect(size(out + "/paired_difference.pdf") > 0 && size(out + "/paired_difference.png") > 0)
        // paired.csv alone: the same figure, the baseline unnamed.
        let alone = try plot([pairedFile, "--out", out + "-alone"])
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(size(out + "-alone/paired_difference.svg") > 0)
    }

    /// The question under the titles comes from the scenario's `description:`.
    @Test func theScenariosQuestionIsTheSubtitle() throws {
        let scenario = TestPaths.write("name: q\ndescription: \"Does splitting help big payments?\"\nseed: 1\n", name: "q.yaml")
        let out = TestPaths.scratch() + "/question"
        let run = try plot([TestPaths.packageRoot + "/Tests/Fixtures/summary_ci-tiny.csv", "--out", out, "--scenario", scenario])
        #expect(run.status == 0, "\(run.stderr)")
        let svg = (try? String(contentsOfFile: "\(out)/fee_ppm.svg", encoding: .utf8)) ?? ""
        #expect(svg.contains("Does splitting help big payments?"))
    }

    /// With the oracle's metrics, the success figure draws its bounds as lines and success among the
    /// feasible payments gets its own figure.
    @Test func oracleBoundsAndSuccessAmongFeasible() throws {
        var csv = "point,workload.amount_sat,payment.strategy,metric,replications,mean,ci_lower,ci_upper,interval\n"
        for (i, amount) in ["1000", "100000"].enumerated() {
            for (j, strategy) in ["single", "lnd"].enumerated() {
                let point = 2 * i + j
                csv += "\(point),\(amount),\(strategy),success_rate,3,0.\(8 - i),0.\(7 - i),0.\(9 - i),t\n"
                csv += "\(point),\(amount),\(strategy),feasible_multi_path_share,3,0.\(9 - i),0.8,0.95,t\n"
                csv += "\(point),\(amount),\(strategy),feasible_single_path_share,3,0.\(8 - i),0.7,0.9,t\n"
                csv += "\(point),\(amount),\(strategy),success_rate_feasible,3,0.9\(j),0.85,0.99,t\n"
            }
        }
        let input = TestPaths.write(csv, name: "summary_ci.csv")
        let out = TestPaths.scratch() + "/oracle"
        let run = try plot([input, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(size(out + "/success_feasible.png") > 0 && size(out + "/success_feasible.svg") > 0)
        let success = (try? String(contentsOfFile: "\(out)/success_rate.svg", encoding: .utf8)) ?? ""
        #expect(success.contains("multi-path oracle (could have succeeded)") && success.contains("single-path oracle"))
    }

    @Test func aSingleRunSummaryGivesOneBarChart() throws {
        let csv = """
        metric,replications,mean,ci_lower,ci_upper,interval
        success_rate,2,0.5,0.3,0.7,wilson
        fee_ppm_mean,2,120.5,100,141,t
        htlcs_per_payment,2,4.5,4,5,t
        partial_loss_msat_total,2,0,0,0,t
        linked_payment_share,0,,,,t

        """
        let input = TestPaths.write(csv, name: "summary_ci.csv")
        let out = TestPaths.scratch() + "/single"
        let run = try plot([input, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(size(out + "/summary.png") > 0 && size(out + "/summary.svg") > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["summary.pdf", "summary.png", "summary.svg"])
    }

    @Test func notASummaryExitsTwoWithAReason() throws {
        let input = TestPaths.write("replication,payments,success_rate\n0,10,0.5\n", name: "summary.csv")
        let run = try plot([input, "--out", TestPaths.scratch() + "/none"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no `metric` column"))
        let unknownX = try plot([TestPaths.packageRoot + "/Tests/Fixtures/summary_ci-tiny.csv", "--out",
                                 TestPaths.scratch() + "/x", "--x", "workload.no_such"])
        #expect(unknownX.status == 2 && unknownX.stderr.contains("not a grid column"))
        let unknownFigure = try plot([TestPaths.packageRoot + "/Tests/Fixtures/summary_ci-tiny.csv", "--out",
                                      TestPaths.scratch() + "/only", "--only", "sucess_rate"])
        #expect(unknownFigure.status == 2 && unknownFigure.stderr.hasPrefix("plot.py: --only sucess_rate: expected a figure name (success_rate, "))
        let latin1 = TestPaths.scratch() + "/latin1.csv"
        try Data([0x6D, 0x65, 0x74, 0x72, 0x69, 0x63, 0x0A, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        let notUTF8 = try plot([latin1, "--out", TestPaths.scratch() + "/latin1"])
        #expect(notUTF8.status == 2)
        #expect(notUTF8.stderr == "plot.py: \(latin1): byte 7 is not UTF-8 text: expected a CSV written by ampsim\n")
    }
}
