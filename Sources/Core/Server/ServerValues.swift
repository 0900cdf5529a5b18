import CLibPQ
import Foundation

/// A statement's values as libpq sends them: as text of no stated type, which the server reads
/// as whatever its place in the statement takes, as it reads a quoted literal ('42' is a
/// bigint for a bigint column, an integer for `repeat('x', ?)`), so that statements written
/// for SQLite's loose types run unchanged; a blob as bytea, in binary; NULL as no value. Where
/// the statement gives no type (`? IS NULL`), the SQL says it: `CAST(? AS bigint)` runs on both.
final class ServerParameters {
    private var types: [Oid] = []
    private var values: [UnsafeMutablePointer<CChar>?] = []
    private var lengths: [Int32] = []
    private var formats: [Int32] = []

    init(_ arguments: [SQLValue]) throws {
        for argument in arguments {
            switch argument {
            case .null: add(type: 0, nil)
            case .integer(let number): add(type: 0, String(number))
            case .real(let number): add(type: 0, "\(number)")
            case .text(let text):
                // libpq takes text as a C string: a NUL would cut it short, and the server keeps none.
                guard !text.utf8.contains(0) else {
                    throw PostgresFault(sqlState: "22021", message: "a text value holds the character U+0000, which PostgreSQL cannot keep")
                }
                add(type: 0, text)
            case .blob(let data):
                let bytes = UnsafeMutablePointer<CChar>.allocate(capacity: max(data.count, 1))
                data.withUnsafeBytes { raw in
                    if let source = raw.baseAddress { UnsafeMutableRawPointer(bytes).copyMemory(from: source, byteCount: raw.count) }
                }
                types.append(ServerType.bytea)
                values.append(bytes)
                lengths.append(Int32(data.count))
                formats.append(1)
            }
        }
    }

    deinit { values.forEach { $0?.deallocate() } }

    private func add(type: Oid, _ text: String?) {
        types.append(type)
        values.append(text.map { text in
            let utf8 = Array(text.utf8CString)
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: utf8.count)
            copy.initialize(from: utf8, count: utf8.count)
            return copy
        })
        lengths.append(0)
        formats.append(0)
    }

    /// libpq's arrays (count, types, values, lengths, formats), valid during `body`.
    func withArrays<Result>(
        _ body: (Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> Result
    ) -> Result {
        let constant = values.map { $0.map { UnsafePointer($0) } }
        return types.withUnsafeBufferPointer { types in
            constant.withUnsafeBufferPointer { values in
                lengths.withUnsafeBufferPointer { lengths in
                    formats.withUnsafeBufferPointer { formats in
                        body(Int32(types.count), types.baseAddress, values.baseAddress, lengths.baseAddress, formats.baseAddress)
                    }
                }
            }
        }
    }
}

/// The type OIDs of PostgreSQL's built-in types (pg_type.dat), fixed across versions.
enum ServerType {
    static let bool: Oid = 16
    static let bytea: Oid = 17
    static let int8: Oid = 20
    static let int2: Oid = 21
    static let int4: Oid = 23
    static let oid: Oid = 26
    static let float4: Oid = 700
    static let float8: Oid = 701
    static let numeric: Oid = 1700
}

/// The columns of a result, and how each row's text is read into typed values.
struct ServerColumns {
    let names: [String]
    private let types: [Oid]

    init(_ pq: LibPQ, _ result: OpaquePointer?) {
        let count = pq.nfields(result)
        names = (0..<count).map { pq.fname(result, $0).map { String(cString: $0) } ?? "" }
        types = (0..<count).map { pq.ftype(result, $0) }
    }

    /// The row at `index` of `result`, each value read by its column's type: integers as
    /// integers, floating and decimal numbers as reals, a boolean as 0 or 1 (as SQLite keeps
    /// one), bytea as bytes, anything else as its text.
    func row(_ pq: LibPQ, _ result: OpaquePointer?, _ index: Int32) -> SQLRow {
        let values = types.indices.map { column -> SQLValue in
            let field = Int32(column)
            guard pq.getisnull(result, index, field) == 0, let text = pq.getvalue(result, index, field) else { return .null }
            return Self.value(pq, text, type: types[column])
        }
        return SQLRow(columns: names, values: values)
    }

    static func value(_ pq: LibPQ, _ text: UnsafeMutablePointer<CChar>, type: Oid) -> SQLValue {
        switch type {
        case ServerType.int8, ServerType.int4, ServerType.int2, ServerType.oid:
            return .integer(strtoll(text, nil, 10))
        case ServerType.float4, ServerType.float8, ServerType.numeric:
            return .real(strtod(text, nil))
        case ServerType.bool:
            return .integer(text.pointee == CChar(UInt8(ascii: "t")) ? 1 : 0)
        case ServerType.bytea:
            var length = 0
            guard let bytes = pq.unescapeBytea(UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), &length) else { return .null }
            defer { pq.freemem(bytes) }
            return .blob(Data(bytes: bytes, count: length))
        default:
            return .text(String(cString: text))
        }
    }
}
