/// The server's executor: one connection, inside the transaction `PostgresDatabase` opened.
/// The store's statements are written once, with `?` for their values; this numbers them for
/// the server, and reads each column back by its type.
public final class PostgresSession: SQLSession {
    public let link: PostgresLink
    public var dialect: SQLDialect { .postgresql }

    public init(_ link: PostgresLink) { self.link = link }

    @discardableResult
    public func execute(sql: String, arguments: SQLArguments) throws -> Int {
        arguments.isEmpty ? try link.run(sql, []) : try link.run(link.numbered(sql), Self.values(arguments))
    }

    public func each(sql: String, arguments: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        try link.stream(arguments.isEmpty ? sql : link.numbered(sql), Self.values(arguments), body)
    }

    static func values(_ arguments: SQLArguments) -> [SQLValue] {
        arguments.map { $0?.sqlValue ?? .null }
    }
}
