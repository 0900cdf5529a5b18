import Foundation

/// What the benchmark knows of the store from the acts that succeeded: which applications wait
/// for whom, so that each act has something to do. An application an act is working on is
/// taken out until the act ends, so two people never race for the same one.
final class Ledger: @unchecked Sendable {
    struct Service {
        let id: Int64
        let department: String
        let applicant: String
        let manager: String
        let head: String
    }

    private let lock = NSLock()
    private var submitted: [Service] = []
    private var approved: [Service] = []
    private var inUse: [Service] = []
    private var filed = 0

    /// A unique tag for the next application's service name.
    func nextTag(_ login: String) -> String {
        lock.withLock {
            filed += 1
            return "\(login)-\(filed)"
        }
    }

    func filed(_ service: Service) { lock.withLock { submitted.append(service) } }

    /// An application `reviewer` may double-check, taken out of the queue.
    func toReview(by reviewer: Person) -> Service? {
        take(&submitted) { $0.department == reviewer.department && $0.applicant != reviewer.login && $0.head != reviewer.login }
    }

    func toAcknowledge(by manager: Person) -> Service? {
        take(&approved) { $0.manager == manager.login }
    }

    func inUse(managedBy manager: Person) -> Service? {
        take(&inUse) { $0.manager == manager.login }
    }

    /// Where a service goes after an act on it: back where it was when the act did not succeed.
    func put(_ service: Service, _ state: State) {
        lock.withLock {
            switch state {
            case .submitted: submitted.append(service)
            case .approved: approved.append(service)
            case .inUse: inUse.append(service)
            case .gone: break
            }
        }
    }

    enum State { case submitted, approved, inUse, gone }

    private func take(_ list: inout [Service], where wanted: (Service) -> Bool) -> Service? {
        lock.withLock {
            guard let index = list.firstIndex(where: wanted) else { return nil }
            return list.remove(at: index)
        }
    }

    var counts: (submitted: Int, approved: Int, inUse: Int) {
        lock.withLock { (submitted.count, approved.count, inUse.count) }
    }
}
