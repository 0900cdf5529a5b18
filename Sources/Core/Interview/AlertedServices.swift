/// What an alert's line needs of the service it names: the service's name, and whether it has
/// ended. The whole village's list keeps only this of the services its alerts name, not their
/// schedules, as its batches go by.
public struct AlertedServices {
    private var names: [Int64: String] = [:]
    private var ended: Set<Int64> = []

    public init(_ records: [ApplicationRecord] = []) { add(records) }

    /// The first record of a service is the one kept, as a list names each service once.
    public mutating func add(_ records: [ApplicationRecord]) {
        for record in records where names[record.id] == nil {
            names[record.id] = record.service
            if record.status == .ended { ended.insert(record.id) }
        }
    }

    public func name(of id: Int64) -> String? { names[id] }
    public func hasEnded(_ id: Int64) -> Bool { ended.contains(id) }
}
