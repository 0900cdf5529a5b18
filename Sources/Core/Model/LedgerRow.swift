/// One service as the ledger lists it: the columns of the table, the expanded display and the
/// CSV. The store keeps them in the application's row, written with each change, so that a list
/// of 100,000 services reads columns instead of decoding every service's answers.
public struct LedgerRow: Sendable, Equatable {
    public var id: Int64
    public var status: ApplicationStatus
    public var department: String
    public var provider: String
    public var service: String
    public var applicant: String
    public var submittedOn: Day?
    public var periodStart: Day?
    public var periodEnd: Day?
    /// The day the use really ended, once its termination was confirmed.
    public var endedOn: Day?
    public var classification: Classification?
    /// The version the form was made under, whose scale names `classification`.
    public var procedureVersion: String?
    public var personalInformation: Bool?
    public var userCount: Int
    public var serviceManager: String
    public var departmentHead: String
    /// The latest decision on the application form (not its termination), and its day.
    public var latestOutcome: DecisionOutcome?
    public var decidedOn: Day?

    public init(
        id: Int64, status: ApplicationStatus, department: String, provider: String, service: String, applicant: String,
        submittedOn: Day?, periodStart: Day?, periodEnd: Day?, classification: Classification?, personalInformation: Bool?,
        userCount: Int, serviceManager: String, departmentHead: String, latestOutcome: DecisionOutcome?, decidedOn: Day?,
        endedOn: Day? = nil, procedureVersion: String? = nil
    ) {
        self.endedOn = endedOn
        self.procedureVersion = procedureVersion
        self.id = id
        self.status = status
        self.department = department
        self.provider = provider
        self.service = service
        self.applicant = applicant
        self.submittedOn = submittedOn
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.classification = classification
        self.personalInformation = personalInformation
        self.userCount = userCount
        self.serviceManager = serviceManager
        self.departmentHead = departmentHead
        self.latestOutcome = latestOutcome
        self.decidedOn = decidedOn
    }

    public init(_ record: ApplicationRecord) {
        let decision = record.latestDecision
        self.init(
            id: record.id, status: record.status, department: record.department, provider: record.provider,
            service: record.service, applicant: record.answers[ApplicationFields.applicant]?.text ?? "",
            submittedOn: record.applicationDay, periodStart: record.periodStart, periodEnd: record.periodEnd,
            classification: record.classification,
            personalInformation: record.answers[ApplicationFields.personalInformation]?.flag,
            userCount: record.userCount, serviceManager: record.serviceManager, departmentHead: record.departmentHead.name,
            latestOutcome: decision?.outcome ?? record.answers[ApplicationFields.importedOutcome]?.choice.flatMap(DecisionOutcome.init),
            decidedOn: decision.flatMap { Village.day(ofTimestamp: $0.decidedAt) } ?? record.answers[ApplicationFields.importedDecidedOn]?.date,
            endedOn: record.endDay, procedureVersion: record.procedureVersion)
    }

    /// The class as the scale of the form's version names it.
    public var classificationLabel: String? {
        guard let classification else { return nil }
        guard let procedureVersion else { return classification.label }
        return classification.label(on: ProcedureScope.book.document(version: procedureVersion))
    }
}
