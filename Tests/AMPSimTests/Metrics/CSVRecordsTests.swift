import Testing
@testable import AMPSim

/// CSV text split into records and raw fields, quotes kept, so rows re-join byte for byte.
@Suite struct CSVRecordsTests {
    @Test func quotedCommasAndLineBreaksStayInTheirField() {
        let text = "a,b,c\n1,\"x,y\",3\n\"line\none\",\"say \"\"hi\"\"\",\n"
        let records = CSVRecords.split(text)
        #expect(records.count == 3)
        #expect(records[1] == ["1", "\"x,y\"", "3"])
        #expect(records[2] == ["\"line\none\"", "\"say \"\"hi\"\"\"", ""])
        #expect(CSVRecords.unquote(records[2][1]) == "say \"hi\"")
        #expect(CSVRecords.unquote(records[1][1]) == "x,y")
        #expect(records.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n" == text)
    }

    @Test func crlfAndAMissingFinalLineBreak() {
        #expect(CSVRecords.split("a,b\r\n1,2") == [["a", "b"], ["1", "2"]])
        #expect(CSVRecords.split("") == [])
        #expect(CSVRecords.split("\n") == [[""]])
        #expect(CSVRecords.split("a,,") == [["a", "", ""]])
    }
}
