/// The questions the ledger answers: which services, in what state, by whom, overdue or not.
public struct LedgerFilter: Sendable, Equatable {
    public var statuses: [ApplicationStatus] = []
    public var department: String?
    /// Part of the provider's name.
    public var provider: String?
    /// Part of the service's name.
    public var service: String?
    /// Classes as each version's scale ranks them: a form matches one of its own version.
    public var classifications: [ClassInVersion] = []
    public var overdue = false
    public var retentionPassed = false
    public var personalInformation: Bool?
    public var approvedFrom: Day?
    public var approvedTo: Day?
    /// Words found anywhere in the service's records: names, purposes, notes.
    public var text: String?
    public var limit: Int?
    /// Services kept by these people (logins) or in these 課.
    public var involving: Involvement?
    public var terminationStatus: TerminationStatus?
    /// Services this login applied for.
    public var applicant: String?

    public init() {}

    public var isEmpty: Bool { self == LedgerFilter() }
}

/// The services a person has a part in: those they keep, and those of the 課 they oversee.
public struct Involvement: Sendable, Equatable {
    public var managers: [String]
    public var departments: [String]

    /// The services a login keeps, found by the login named as their manager, never by a name.
    public init(login: String?, departments: [String]) {
        managers = login.map { [$0] } ?? []
        self.departments = departments
    }
}

/// Columns whose values the query shell completes.
public enum LedgerColumn: String, Sendable {
    case department, provider, service
}

public enum LedgerGrouping: String, Sendable {
    case status, department
}

/// A class on one version's scale, for the forms made under that version.
public struct ClassInVersion: Sendable, Equatable {
    public var version: String
    public var classification: Classification

    public init(version: String, _ classification: Classification) {
        self.version = version
        self.classification = classification
    }

    /// Every version's class a typed label names, or nil when no version's scale has it.
    public static func named(_ text: String, in book: ProcedureBook) -> [ClassInVersion]? {
        let found = book.versions.compactMap { version in
            Classification(typed: text, on: book.document(version: version)).map { ClassInVersion(version: version, $0) }
        }
        return found.isEmpty ? nil : found
    }
}
