import CLibPQ
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// libpq's functions, loaded the first time a server is used rather than linked. Linked, libpq
/// and the two dozen libraries it needs (TLS, Kerberos, LDAP) are loaded at every start:
/// measured 12 million more instructions, about 6 ms of CPU, for every yakkan run, even in a
/// village whose store is a SQLite file and that has no libpq at all (README, "Client
/// library"). The header gives the types and constants; the functions come from `dlsym`.
/// (`@unchecked Sendable`: the addresses of a library loaded once and never unloaded.)
struct LibPQ: @unchecked Sendable {
    typealias Connection = OpaquePointer
    typealias Result = OpaquePointer

    let connectdb: @convention(c) (UnsafePointer<CChar>?) -> Connection?
    let status: @convention(c) (Connection?) -> ConnStatusType
    let errorMessage: @convention(c) (Connection?) -> UnsafeMutablePointer<CChar>?
    let finish: @convention(c) (Connection?) -> Void
    let reset: @convention(c) (Connection?) -> Void
    let setClientEncoding: @convention(c) (Connection?, UnsafePointer<CChar>?) -> Int32
    let setNoticeProcessor: @convention(c) (Connection?, PQnoticeProcessor?, UnsafeMutableRawPointer?) -> PQnoticeProcessor?
    let exec: @convention(c) (Connection?, UnsafePointer<CChar>?) -> Result?
    let execParams: @convention(c) (
        Connection?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?,
        UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
    ) -> Result?
    let resultStatus: @convention(c) (Result?) -> ExecStatusType
    let clear: @convention(c) (Result?) -> Void
    let nfields: @convention(c) (Result?) -> Int32
    let ntuples: @convention(c) (Result?) -> Int32
    let fname: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    let getisnull: @convention(c) (Result?, Int32, Int32) -> Int32
    let getvalue: @convention(c) (Result?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    let resultErrorField: @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    let ping: @convention(c) (UnsafePointer<CChar>?) -> PGPing
    let ftype: @convention(c) (Result?, Int32) -> Oid
    let cmdTuples: @convention(c) (Result?) -> UnsafeMutablePointer<CChar>?
    let sendQueryParams: @convention(c) (
        Connection?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?,
        UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
    ) -> Int32
    let setSingleRowMode: @convention(c) (Connection?) -> Int32
    let getResult: @convention(c) (Connection?) -> Result?
    let unescapeBytea: @convention(c) (UnsafePointer<UInt8>?, UnsafeMutablePointer<Int>?) -> UnsafeMutablePointer<UInt8>?
    let freemem: @convention(c) (UnsafeMutableRawPointer?) -> Void

    /// The library, loaded once for the whole process; nil when it is not installed.
    static let shared: LibPQ? = load()

    static func loaded() throws -> LibPQ {
        guard let library = shared else { throw PostgresFault(sqlState: PostgresFault.noClientLibrary, message: libraryName) }
        return library
    }

    #if os(macOS)
    static let libraryName = "libpq.5.dylib"
    #else
    static let libraryName = "libpq.so.5"
    #endif

    private struct MissingFunction: Error {}

    private static func load() -> LibPQ? {
        guard let handle = dlopen(libraryName, RTLD_NOW | RTLD_LOCAL) else { return nil }
        func function<Function>(_ name: String) throws -> Function {
            guard let address = dlsym(handle, name) else { throw MissingFunction() }
            return unsafeBitCast(address, to: Function.self)
        }
        do {
            return try LibPQ(
                connectdb: function("PQconnectdb"), status: function("PQstatus"), errorMessage: function("PQerrorMessage"),
                finish: function("PQfinish"), reset: function("PQreset"), setClientEncoding: function("PQsetClientEncoding"),
                setNoticeProcessor: function("PQsetNoticeProcessor"), exec: function("PQexec"), execParams: function("PQexecParams"),
                resultStatus: function("PQresultStatus"), clear: function("PQclear"), nfields: function("PQnfields"),
                ntuples: function("PQntuples"), fname: function("PQfname"), getisnull: function("PQgetisnull"),
                getvalue: function("PQgetvalue"), resultErrorField: function("PQresultErrorField"), ping: function("PQping"),
                ftype: function("PQftype"), cmdTuples: function("PQcmdTuples"), sendQueryParams: function("PQsendQueryParams"),
                setSingleRowMode: function("PQsetSingleRowMode"), getResult: function("PQgetResult"),
                unescapeBytea: function("PQunescapeBytea"), freemem: function("PQfreemem"))
        } catch {
            dlclose(handle)
            return nil
        }
    }
}
