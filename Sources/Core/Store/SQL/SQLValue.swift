import Foundation

/// One value passed to, or read from, either database: SQLite's storage classes, which the
/// server's integer and text columns map onto.
public enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

/// What may be bound to a statement's `?`.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

/// What a column may be read as.
public protocol SQLReadable {
    init?(sqlValue: SQLValue)
    /// What a required column reads as when it holds something else (text in an integer
    /// column, written behind yakkan's back): a plain value that stops nobody's command, while
    /// `audit verify` names the cell.
    static var unreadable: Self { get }
}

extension SQLValue: SQLBindable, SQLReadable {
    public var sqlValue: SQLValue { self }
    public init?(sqlValue: SQLValue) { self = sqlValue }
    public static var unreadable: SQLValue { .null }
}

extension String: SQLBindable, SQLReadable {
    public static var unreadable: String { "" }
    public var sqlValue: SQLValue { .text(self) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .text(let text): self = text
        case .integer(let number): self = String(number)
        case .real(let number): self = String(number)
        case .blob(let data): self = String(decoding: data, as: UTF8.self)
        case .null: return nil
        }
    }
}

extension Int64: SQLBindable, SQLReadable {
    public static var unreadable: Int64 { 0 }
    public var sqlValue: SQLValue { .integer(self) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .integer(let number): self = number
        case .real(let number): guard let whole = Int64(exactly: number.rounded(.towardZero)) else { return nil }; self = whole
        case .text(let text): guard let number = Int64(text) else { return nil }; self = number
        default: return nil
        }
    }
}

extension Int: SQLBindable, SQLReadable {
    public static var unreadable: Int { 0 }
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public init?(sqlValue: SQLValue) {
        guard let number = Int64(sqlValue: sqlValue) else { return nil }
        self = Int(number)
    }
}

/// Kept as 0 or 1 in both databases, so a signed row reads the same whichever holds it.
extension Bool: SQLBindable, SQLReadable {
    public static var unreadable: Bool { false }
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    public init?(sqlValue: SQLValue) {
        guard let number = Int64(sqlValue: sqlValue) else { return nil }
        self = number != 0
    }
}

extension Double: SQLBindable, SQLReadable {
    public static var unreadable: Double { 0 }
    public var sqlValue: SQLValue { .real(self) }
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .real(let number): self = number
        case .integer(let number): self = Double(number)
        case .text(let text): guard let number = Double(text) else { return nil }; self = number
        default: return nil
        }
    }
}

extension Data: SQLBindable {
    public var sqlValue: SQLValue { .blob(self) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// A statement's arguments, in the order of its `?`.
public typealias SQLArguments = [(any SQLBindable)?]
