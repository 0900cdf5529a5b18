/// One row a statement returned, read by column name or position.
public struct SQLRow: Sendable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// NULL for a column the query did not select, as for one that holds none: a record read
    /// in part leaves out what the caller does not need.
    public func value(_ column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    /// A value that must be there. A NULL or a value of another kind can only have been written
    /// outside yakkan (SQLite keeps whatever it is given): it reads as the type's plain value.
    public subscript<Value: SQLReadable>(_ column: String) -> Value {
        Self.required(value(column), column)
    }

    public subscript<Value: SQLReadable>(_ column: String) -> Value? {
        Value(sqlValue: value(column))
    }

    public subscript<Value: SQLReadable>(_ index: Int) -> Value {
        Self.required(values[index], String(index))
    }

    public subscript<Value: SQLReadable>(_ index: Int) -> Value? {
        Value(sqlValue: values[index])
    }

    private static func required<Value: SQLReadable>(_ value: SQLValue, _ column: String) -> Value {
        Value(sqlValue: value) ?? Value.unreadable
    }
}
