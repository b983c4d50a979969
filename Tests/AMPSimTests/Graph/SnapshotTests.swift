import Foundation
import Testing
@testable import AMPSim

/// Slices of the real 2019 snapshots, carried by the repository (Fixtures/snapshots/, 142 KB, xz):
/// `make-slices.py` cut them from lnd-describegraph-2019-03-09.json.xz and
/// cln-listchannels-2019-05-14.json.xz and counted, by the importers' documented rules but independently
/// of them, every number expected here.
@Suite struct SnapshotTests {
    typealias S = GraphTestSupport
    static let folder = TestPaths.packageRoot + "/Tests/AMPSimTests/Fixtures/snapshots"

    @Test func theSlicesAreInTheRepository() {
        for name in ["lnd-describegraph-2019-03-09-slice.json.xz", "cln-listchannels-2019-05-14-slice.json.xz"] {
            #expect(FileManager.default.fileExists(atPath: Self.folder + "/" + name), "\(name) is missing from \(Self.folder)")
        }
    }

    /// 791 edges, 761 node entries. Kept whole: 15 null policies (each a disabled direction), so
    /// 2 · 791 - 15 = 1,567 usable directions. Dropping disabled ones: 385 more directions off, 89 channels
    /// with neither direction left: 791 - 89 = 702 channels, 1,182 usable directions.
    @Test func lnd2019Slice() throws {
        let yaml = "graph: {generator: import, format: lnd, path: lnd-describegraph-2019-03-09-slice.json.xz"
        let (all, allReport) = try S.build(yaml + ", drop_disabled: false}", base: Self.folder)
        #expect(all.nodeCount == 761 && all.channelCount == 791)
        #expect(allReport?.skipped == [.nullPolicy: 15])
        #expect(allReport?.usableDirections == 1567)
        let (usable, report) = try S.build(yaml + "}", base: Self.folder)
        #expect(usable.nodeCount == 761 && usable.channelCount == 702)
        #expect(report?.skipped == [.nullPolicy: 15, .disabled: 385, .noUsableDirection: 89])
        #expect(report?.usableDirections == 1182)
    }

    /// 1,163 directed entries of 633 short channel ids, 103 of which have one direction only:
    /// 2 · 633 - 103 = 1,163 usable directions when inactive ones are kept. Dropping them: 219 directions
    /// off, 128 channels with none left (505 kept, 944 directions). The largest component of those holds
    /// 391 nodes and 421 channels (84 outside).
    @Test func cln2019Slice() throws {
        let yaml = "graph: {generator: import, format: cln, path: cln-listchannels-2019-05-14-slice.json.xz"
        let (all, allReport) = try S.build(yaml + ", drop_disabled: false}", base: Self.folder)
        #expect(all.nodeCount == 674 && all.channelCount == 633)
        #expect(allReport?.usableDirections == 1163)
        #expect(allReport?.skipped == [.missingDirection: 103])
        let (usable, report) = try S.build(yaml + "}", base: Self.folder)
        #expect(usable.nodeCount == 674 && usable.channelCount == 505)
        #expect(report?.skipped == [.missingDirection: 103, .disabled: 219, .noUsableDirection: 128])
        #expect(report?.usableDirections == 944)
        let (largest, largestReport) = try S.build(yaml + ", largest_component: true}", base: Self.folder)
        #expect(largest.nodeCount == 391 && largest.channelCount == 421)
        #expect(largestReport?.skipped == [.missingDirection: 103, .disabled: 219, .noUsableDirection: 128, .outsideLargestComponent: 84])
        #expect(largestReport?.usableDirections == 798)
    }
}
