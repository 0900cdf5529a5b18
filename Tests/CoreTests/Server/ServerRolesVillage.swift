import Foundation
import PrivateServer

@testable import Core

extension ServerRolesFollowTests {
    /// A village of the shared server (`StoreVillage`), with what these tests read of it by name.
    struct Village {
        let base: StoreVillage

        init(on _: PrivateServer) throws { base = try StoreVillage(.server) }

        var server: PrivateServer { base.server!.server }
        var database: String { base.server!.database }
        var folder: String { base.folder }
        var clock: FixedClock { base.clock }

        func store(as login: String) throws -> ServerStore { try base.serverStore(as: login) }
        func psql(as user: String?, _ sql: String) throws -> PrivateServer.Ran { try base.psql(as: user, sql) }
        func applicationSubmitted() throws -> ApplicationRecord { try base.applicationSubmitted() }
    }
}
