// The benchmark's release build links the server without XCTest, which only test builds find.
#if canImport(XCTest)
import XCTest

/// A suite that needs a server: one private server for the whole class, started before its
/// first test and stopped after its last, whether they passed or not. Without PostgreSQL
/// installed, every test of the suite is skipped and says why; any other failure to start fails.
open class ServerTestCase: XCTestCase {
    nonisolated(unsafe) private static var servers: [ObjectIdentifier: Result<PrivateServer, any Error>] = [:]

    override open class func setUp() {
        super.setUp()
        servers[ObjectIdentifier(self)] = Result { try PrivateServer.start() }
    }

    override open class func tearDown() {
        if case .success(let server) = servers.removeValue(forKey: ObjectIdentifier(self)) { server.stop() }
        super.tearDown()
    }

    /// This suite's server, or a skip when PostgreSQL is not installed.
    public func server() throws -> PrivateServer {
        switch Self.servers[ObjectIdentifier(Self.self)] {
        case .success(let server): return server
        case .failure(let reason as PrivateServer.NotInstalled): throw XCTSkip(reason.description)
        case .failure(let error): throw error
        case nil: throw PrivateServer.Failure("the suite's server was not started")
        }
    }
}
#endif
