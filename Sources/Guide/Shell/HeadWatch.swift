import Core

/// Compares the store's log with the head this person saw last time, says so loudly when the
/// store no longer holds it, and remembers the new head when the run ends.
struct HeadWatch {
    let session: Session
    let store: any Store
    let path: String
    let language: Language

    var memory: HeadMemory { HeadMemory.personal(environment: session.environment) }

    func start() {
        // Everyone's witnesses first: a rollback below what anyone saw is named to all.
        if let lost = try? store.lostWitnesses(), !lost.isEmpty {
            session.warn(.error, TrustText.witnessesLost(lost, storePath: ServerAddress.shown(path))(language))
        }
        let seen = memory.recall(storePath: path)
        if let seen, (try? store.contains(seen)) != true {
            session.warn(.error, TrustText.headLost(seen, storePath: ServerAddress.shown(path))(language))
            // The memory is kept until the person has looked: every run warns again.
            return
        }
        let memory = memory
        let store = store
        let path = path
        // Written only when the head moved: most runs read and change nothing.
        let login = session.login
        let remember = {
            if let head = try? store.head(), head != seen {
                memory.remember(head, storePath: path)
                try? store.leaveWitness(as: login)
            }
        }
        remember()
        session.onFinish.append(remember)
    }
}
