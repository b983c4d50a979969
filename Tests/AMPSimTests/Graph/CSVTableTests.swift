import Testing
@testable import AMPSim

/// CLoTH's CSV tables read the same with Unix (LF) and Windows (CRLF) line endings. ("\r\n" is a single
/// Character in Swift, so splitting on "\n" alone once read a CRLF file as one line.)
@Suite struct CSVTableTests {
    static let columns = ["id", "capacity"]

    @Test(arguments: ["\n", "\r\n"])
    func rowsAndLineNumbersWhateverTheLineEnding(newline: String) throws {
        // Line 1 header, line 2 a row, line 3 blank (skipped), line 4 a row.
        let text = ["id,capacity", "0,1000", "", "1, 2000", ""].joined(separator: newline)
        let table = try CSVTable(bytes: Array(text.utf8), label: "t.csv", columns: Self.columns)
        #expect(table.rows == [[0, 1000], [1, 2000]])
        #expect(table.lines == [2, 4])
    }

    @Test(arguments: ["\n", "\r\n"])
    func aBadFieldIsReportedAtItsLine(newline: String) {
        let text = ["id,capacity", "0,1000", "1,lots"].joined(separator: newline)
        #expect(throws: InputError.self) { try CSVTable(bytes: Array(text.utf8), label: "t.csv", columns: Self.columns) }
        do { _ = try CSVTable(bytes: Array(text.utf8), label: "t.csv", columns: Self.columns) } catch let e as InputError {
            #expect(e.description == "t.csv:3: capacity: expected an integer, found 'lots'")
        } catch { Issue.record("not an InputError: \(error)") }
    }
}
