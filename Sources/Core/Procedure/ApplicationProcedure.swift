/// The ids of the application's fields that rules and the ledger refer to.
public enum ApplicationFields {
    public static let applicant = "applicant"
    public static let department = "department"
    public static let provider = "provider"
    public static let service = "service"
    public static let description = "description"
    public static let purpose = "purpose"
    public static let informationKinds = "information_kinds"
    public static let classification = "classification"
    public static let personalInformation = "personal_information"
    public static let overseas = "overseas"
    public static let users = "users"
    public static let periodStart = "period_start"
    public static let periodEnd = "period_end"
    public static let serviceManager = "service_manager"
    public static let departmentHead = "department_head"
    public static let alternative = "alternative_service"
    public static let signupRecord = "signup_record"
    public static let terms = "terms"
    public static let termsAddresses = "terms_addresses"
    public static let risks = "risks"
    /// The questions the rules of the procedure read: a procedure file must ask each of them.
    public static let asked = [
        applicant, department, provider, service, description, purpose, informationKinds, classification, personalInformation,
        overseas, users, periodStart, periodEnd, serviceManager, departmentHead, alternative, signupRecord, terms, termsAddresses,
    ]
    /// Set on a service registered by `yakkan import`: it was in use before the store was.
    public static let imported = "imported"
    /// The spreadsheet's number of users of an imported service, whose users it does not name.
    public static let importedUserCount = "imported_user_count"
    /// The spreadsheet's latest decision and its day, for an imported service: decided on paper.
    public static let importedOutcome = "imported_outcome"
    public static let importedDecidedOn = "imported_decided_on"
    /// The spreadsheet's 申請日; the record's own submission is the day it was imported.
    public static let importedSubmittedOn = "imported_submitted_on"
    /// What only `yakkan import` writes: on a submitted form they would claim a paper decision nobody made.
    public static let importOnly: Set<String> = [imported, importedUserCount, importedOutcome, importedDecidedOn, importedSubmittedOn]
}

/// 様式 利用申請書 (section 5(1)–(2)) as data, in the form's order.
public enum ApplicationProcedure {
    /// The users' total as the file writes it (`wording.users_total`): the forms count the users rather than asking for the number.
    public static func userTotal(_ count: Int) -> Localized {
        FormSetting.filled(ProcedureScope.document.wording.usersTotal, ["count": Localized("\(count)", "\(count)")])
    }

    static let userCountNotice: AnswerNotice = { value, _ in value.list.map { userTotal($0.count) } }
    static let unlistedUsersNotice: AnswerNotice = { value, _ in value.people.flatMap(NamingRules.unlistedUsers) }

    public static let formName = Localized("利用申請書", "application")

    public static var procedure: Procedure { Procedure(
        id: "application",
        title: Localized("申請", "Application"),
        fields: serviceFields + ApplicationChecks.items.flatMap { CheckFields.fields(for: $0, formName: formName) }
            + [riskAcknowledgement],
        submissionBlockers: submissionStops,
        directoryBlockers: [
            { answers, context in SubmissionActions.maySubmit(answers, applicantLogin: context.person?.login, staff: context.staff) },
            { answers, context in ApprovalRules.endedPeriod(answers, today: context.today) },
        ]) }

    /// The questions before the checks, in the file of the form's version.
    static var serviceFields: [Field] { ProcedureScope.document.applicationQuestions.map(Field.init) }

    /// The file's questions the printed forms do not lay out in boxes of their own (a question a
    /// version adds), printed after the form's boxes when they are answered.
    public static var addedQuestions: [Field] {
        serviceFields.filter { !ApplicationFields.asked.contains($0.id) }
    }

    static var riskAcknowledgement: Field {
        let words = ProcedureScope.document.riskQuestion
        return Field(
            ApplicationFields.risks, label: words.label, question: words.question, help: words.help, kind: .acknowledgement,
            preamble: RiskNotice.fullText)
    }

    /// What the file says stops the form being sent while its condition holds.
    static var submissionStops: [@Sendable (Answers) -> Localized?] {
        ProcedureScope.document.applicationQuestions.compactMap(\.stopsSubmission).map { stop in
            { answers in stop.when.holds(answers) ? stop.text : nil }
        }
    }
}
