import Foundation
import Testing
@testable import AMPSim

/// The real 2019 snapshots in /work/shared/data (skipped when that folder is absent).
@Suite struct SnapshotTests {
    typealias S = GraphTestSupport
    static let folder = "/work/shared/data"
    static var present: Bool { FileManager.default.fileExists(atPath: folder + "/lnd-describegraph-2019-03-09.json.xz") }

    @Test(.enabled(if: present)) func lnd2019() throws {
        let yaml = "graph: {generator: import, format: lnd, path: lnd-describegraph-2019-03-09.json.xz"
        let (all, allReport) = try S.build(yaml + ", drop_disabled: false}", base: Self.folder)
        #expect(all.nodeCount == 3648 && all.channelCount == 31_124)
        #expect(allReport?.skipped == [.nullPolicy: 137])
        let (usable, report) = try S.build(yaml + "}", base: Self.folder)
        #expect(usable.nodeCount == 3648 && usable.channelCount == 27_278)
        #expect(report?.skipped == [.nullPolicy: 137, .disabled: 15_835, .noUsableDirection: 3846])
        #expect(report?.usableDirections == 46_276)
    }

    @Test(.enabled(if: present)) func cln2019() throws {
        let yaml = "graph: {generator: import, format: cln, path: cln-listchannels-2019-05-14.json.xz"
        let (all, allReport) = try S.build(yaml + ", drop_disabled: false}", base: Self.folder)
        #expect(all.nodeCount == 4275 && all.channelCount == 37_497)
        #expect(allReport?.usableDirections == 68_794)
        #expect(allReport?.skipped == [.missingDirection: 6200])
        let (_, report) = try S.build(yaml + ", largest_component: true}", base: Self.folder)
        #expect(report?.skipped[.disabled] == 13_800)
    }
}
