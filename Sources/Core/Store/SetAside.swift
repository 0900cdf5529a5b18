import Foundation

/// The records a store's reads left out because a stored value could not be read (written
/// behind yakkan's back): each list goes on without them, so one bad row never stops anyone's
/// work, and the shell names them when the command ends (`StoreText.setAside`), so that the row
/// is not silently missing either. `audit verify` names the same rows.
public final class SetAside: @unchecked Sendable {
    private let lock = NSLock()
    private var subjects: Set<String> = []

    public init() {}

    func note(_ subject: String) {
        lock.lock()
        defer { lock.unlock() }
        subjects.insert(subject)
    }

    /// What was left out so far, as verify names records (`alert/12`, `application/3`).
    public var noted: [String] {
        lock.lock()
        defer { lock.unlock() }
        return subjects.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }
}
