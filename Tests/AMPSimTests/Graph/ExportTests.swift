import Foundation
import Testing
@testable import AMPSim

@Suite struct ExportTests {
    typealias S = GraphTestSupport

    @Test func clothRoundTrip() throws {
        let (g, _) = try S.build("graph: {generator: ln-like, nodes: 600}")
        let dir = try S.temporaryFolder()
        try ClothExporter.write(g, to: (dir as NSString).appendingPathComponent("out"))
        let (h, report) = try S.build("graph: {generator: import, format: cloth, path: out}", base: dir)
        #expect(report?.skippedTotal == 0)
        #expect(h.nodeCount == g.nodeCount && h.node1 == g.node1 && h.node2 == g.node2)
        #expect(h.capacityMsat == g.capacityMsat && h.initialBalance1Msat == g.initialBalance1Msat)
        #expect(h.feeBaseMsat == g.feeBaseMsat && h.feeRatePPM == g.feeRatePPM)
        #expect(h.cltvDelta == g.cltvDelta && h.htlcMinimumMsat == g.htlcMinimumMsat)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (dir as NSString).appendingPathComponent("out"))
        #expect(leftovers.sorted() == ["channels.csv", "edges.csv", "nodes.csv"])
    }

    @Test func edgeList() throws {
        let (g, _) = try S.build("graph: {generator: barabasi-albert, nodes: 50, edges_per_node: 2}")
        let path = try S.temporaryFolder() + "/g.csv"
        try EdgeListExporter.write(g, to: path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + g.directionCount)
        #expect(lines[0] == Substring(EdgeListExporter.header))
        #expect(lines[1].hasPrefix("n0,n1,c0,"))
    }

    /// Exporting where a file is in the way names the file instead of a Foundation error number.
    @Test func exportUnderAFileSaysWhichFile() throws {
        let (g, _) = try S.build("graph: {generator: ln-like, nodes: 20}")
        let dir = try S.temporaryFolder()
        _ = FileManager.default.createFile(atPath: dir + "/plain", contents: Data("x".utf8))
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "written" } catch let e as InputError { return e.description } catch { return "\(error)" }
        }
        #expect(message { try ClothExporter.write(g, to: dir + "/plain/out") } ==
                "\(dir)/plain/out: --export cloth: expected a folder that can be created, found '\(dir)/plain' is a file")
        #expect(message { try ClothExporter.write(g, to: dir + "/plain") } == "\(dir)/plain: --export cloth: expected a folder for the results, found a file")
        #expect(message { try EdgeListExporter.write(g, to: dir + "/plain/g.csv") } ==
                "\(dir)/plain: --export edgelist: expected a folder for the results, found a file")
        #expect(message { try EdgeListExporter.write(g, to: dir) } == "\(dir): --export edgelist: expected a file name for the edge list, found a folder")
    }
}
