/// Which configuration a row of results belongs to: the scenario's name, its protocol and its strategy
/// — the first columns of every summary table, so that tables of different runs stack without a join.
///
/// Guarantees: `columns` and `fields` line up; fields are CSV-ready (a scenario name holds only
/// letters, digits, `.`, `_` and `-`, so it never needs quoting, but is quoted if it ever would); an
/// empty scenario name reads `unnamed`, as the default output folder does.
public struct RunLabel: Sendable, Equatable {
    public var scenario: String
    public var paymentProtocol: String
    public var strategy: String

    public static let columns = ["scenario", "protocol", "strategy"]

    public init(scenario: String, paymentProtocol: String, strategy: String) {
        self.scenario = scenario
        self.paymentProtocol = paymentProtocol
        self.strategy = strategy
    }

    /// The label of a run of `scenario`.
    public init(_ scenario: Scenario) {
        self.init(scenario: scenario.name.isEmpty ? "unnamed" : scenario.name, paymentProtocol: scenario.payment.protocol.rawValue,
                  strategy: scenario.payment.strategy.rawValue)
    }

    /// The label's CSV fields, in `columns` order.
    public var fields: [String] { [CSVFormat.text(scenario), CSVFormat.text(paymentProtocol), CSVFormat.text(strategy)] }
}
