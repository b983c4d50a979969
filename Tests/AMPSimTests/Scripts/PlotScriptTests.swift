import Foundation
import Testing

/// Scripts/plot.py as CI runs it: on a tiny sweep summary (Tests/Fixtures/summary_ci-tiny.csv) it writes
/// every figure as PNG and SVG; a single run's summary gives one bar chart; bad input exits 2.
/// Needs python3 with matplotlib (`python3 -m pip install matplotlib`; .ci/run installs it).
@Suite struct PlotScriptTests {
    static let figures = ["success_rate", "fee_ppm", "htlcs_slots", "locked_liquidity", "partial_loss",
                          "linkable_parts", "slots_exhausted"]

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
            for ext in ["png", "svg"] {
                let path = "\(out)/\(name).\(ext)"
                #expect(size(path) > 0, "\(name).\(ext) missing or empty")
                #expect(run.stdout.split(separator: "\n").contains { $0.hasSuffix("/\(name).\(ext)") })
            }
            let png = (try? Data(contentsOf: URL(fileURLWithPath: "\(out)/\(name).png"))) ?? Data()
            #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name).png is not a PNG")
            let svg = (try? String(contentsOfFile: "\(out)/\(name).svg", encoding: .utf8)) ?? ""
            #expect(svg.contains("<svg"), "\(name).svg is not an SVG")
        }
        // The series are labelled by the grid values; the amount axis is labelled with its unit.
        let success = (try? String(contentsOfFile: "\(out)/success_rate.svg", encoding: .utf8)) ?? ""
        #expect(success.contains("amp / halving") && success.contains("keysend / single"))
        #expect(success.contains("payment amount (sat)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 2 * Self.figures.count)
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
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["summary.png", "summary.svg"])
    }

    @Test func notASummaryExitsTwoWithAReason() throws {
        let input = TestPaths.write("replication,payments,success_rate\n0,10,0.5\n", name: "summary.csv")
        let run = try plot([input, "--out", TestPaths.scratch() + "/none"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no `metric` column"))
        let unknownX = try plot([TestPaths.packageRoot + "/Tests/Fixtures/summary_ci-tiny.csv", "--out",
                                 TestPaths.scratch() + "/x", "--x", "workload.no_such"])
        #expect(unknownX.status == 2 && unknownX.stderr.contains("not a grid column"))
    }
}
