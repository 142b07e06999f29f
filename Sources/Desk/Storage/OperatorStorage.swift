import DeskCore

/// The desk's operators.
public protocol OperatorStorage: AnyObject {
    /// The operator with this login.
    func get(_ login: String) throws -> Operator?
    /// Every operator, by login.
    func list() throws -> [Operator]
    /// How many operators there are (none: a new desk).
    func count() throws -> Int
    /// Adds an operator or updates one.
    func upsert(_ op: Operator, at: String) throws
    /// Enables or disables an operator; false when there is no such operator.
    func setActive(_ login: String, _ active: Bool) throws -> Bool
}
