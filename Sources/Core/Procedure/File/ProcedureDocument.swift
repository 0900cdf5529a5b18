/// The village's procedure as its file says it: what the engine, the forms, the schedule of
/// duties and the retention rule read. Made only by `ProcedureFile.read`.
/// A class, not a struct: it is read for every service a list schedules (`ProcedureScope.document`),
/// and copying its nineteen fields each time was a seventh of `due --all`'s CPU time (perf). As a
/// class, `due --all` at 10,000 services takes 405 ms of CPU instead of 510, `calendar --all` 264
/// instead of 336.
public final class ProcedureDocument: Sendable {
    public let version: ProcedureVersion
    /// Section 5(4): how long the forms are kept after a use ends.
    public let retentionMonths: Int
    public let classificationScale: [String]
    /// Classes that need the 利用責任者's permission (決裁).
    public let classesNeedingPermission: Set<String>
    /// The classes needing permission, in the scale's order (from the most sensitive).
    public var scaleNeedingPermission: [String] { classificationScale.filter(classesNeedingPermission.contains) }
    /// How to decide a class: the definitions of the village's security policy.
    public let classificationGuide: Localized
    /// What each mark of a check means (可→○, 不可→×, 該当なし→／).
    public let markLegend: Localized
    public let riskHeading: Localized
    public let risks: [RiskItem]
    /// The applicant's acknowledgement of the risks, asked after the checks.
    public let riskQuestion: RiskQuestion
    /// The サービス管理担当者's acknowledgement of each risk on approval (section 5(3)); its
    /// label is the risk's number.
    public let eachRiskQuestion: RiskQuestion
    /// Section 8: a breach of the procedure is punishable.
    public let breach: Localized
    /// The application form's questions before its checks, in the form's order.
    public let applicationQuestions: [QuestionDefinition]
    public let applicationChecks: [CheckDefinition]
    public let terminationChecks: [CheckDefinition]
    public let duties: [DutyDefinition]
    /// The questions of the double checks, the termination form, the duties' records and the events.
    public let formQuestions: [FormName: [QuestionDefinition]]
    /// The questions asked of each check, its number, words and help put in their place.
    public let checkQuestions: CheckQuestions
    public let wording: EngineWording
    /// The 様式's own words as the file writes them (`printed_form:`), nil when it leaves them out.
    public let writtenPrintedForms: PrintedForms?

    init(
        version: ProcedureVersion, retentionMonths: Int, classificationScale: [String],
        classesNeedingPermission: Set<String>, classificationGuide: Localized, markLegend: Localized,
        riskHeading: Localized, risks: [RiskItem], riskQuestion: RiskQuestion, eachRiskQuestion: RiskQuestion,
        breach: Localized, applicationQuestions: [QuestionDefinition], applicationChecks: [CheckDefinition],
        terminationChecks: [CheckDefinition], duties: [DutyDefinition],
        formQuestions: [FormName: [QuestionDefinition]], checkQuestions: CheckQuestions, wording: EngineWording,
        writtenPrintedForms: PrintedForms?
    ) {
        self.version = version
        self.retentionMonths = retentionMonths
        self.classificationScale = classificationScale
        self.classesNeedingPermission = classesNeedingPermission
        self.classificationGuide = classificationGuide
        self.markLegend = markLegend
        self.riskHeading = riskHeading
        self.risks = risks
        self.riskQuestion = riskQuestion
        self.eachRiskQuestion = eachRiskQuestion
        self.breach = breach
        self.applicationQuestions = applicationQuestions
        self.applicationChecks = applicationChecks
        self.terminationChecks = terminationChecks
        self.duties = duties
        self.formQuestions = formQuestions
        self.checkQuestions = checkQuestions
        self.wording = wording
        self.writtenPrintedForms = writtenPrintedForms
    }

    /// The 様式's words: the file's, else the built-in file's (a file written before the
    /// section existed still reads).
    public var printedForms: PrintedForms {
        writtenPrintedForms ?? BuiltInProcedure.document.writtenPrintedForms!
    }

    public func duty(_ kind: DutyKind) -> DutyDefinition? { duties.first { $0.kind == kind } }

    public func questions(_ form: FormName) -> [QuestionDefinition] { formQuestions[form] ?? [] }
}

/// Words yakkan adds to the file's questions, in the village's words (`wording:`).
public struct EngineWording: Sendable, Equatable {
    /// Added to the help of a question answered by someone from the staff directory.
    public let staffMemberHelp: Localized
    /// Added to the help of a question answered by several people.
    public let peopleHelp: Localized
    /// The users counted, `{count}` replaced by their number.
    public let usersTotal: Localized
}

/// One risk of the form's notice; `correction` says where the shown wording departs from the source.
public struct RiskItem: Sendable, Equatable {
    public let text: Localized
    public let correction: Localized?
}

/// The words of the question that acknowledges the risk notice.
public struct RiskQuestion: Sendable, Equatable {
    public let label: Localized
    public let question: Localized
    public let help: Localized
}

/// One check of a form (○ × ／), with what the file says of ／ and what is shown before it.
public struct CheckDefinition: Sendable, Equatable {
    public let number: Int
    public let text: Localized
    public let help: Localized
    public let notApplicable: NotApplicableRule?
    /// Incidents on record within this many months are shown before the check is asked.
    public let showsIncidentsWithinMonths: Int?
    /// A × in the reviewer's column forbids confirming (the termination form's checks).
    public let blocks: Bool
    /// A ○ needs a file attached (a certificate of deletion, say).
    public let evidenceRequired: Bool
}

/// When ／ (not applicable) may be marked, and when it is offered as the default.
public struct NotApplicableRule: Sendable, Equatable {
    public let refusedWhen: AnswerCondition?
    public let refusal: Localized?
    public let defaultWhen: AnswerCondition?
    /// The note offered with a default ／.
    public let defaultNote: Localized?
}

/// Who does a duty, in the procedure's roles.
public enum DutyRole: String, Sendable, CaseIterable {
    case serviceManager = "service_manager"
    case responsible
    case staff
}

/// One duty of section 6: its interval, who does it, and how it is called.
public struct DutyDefinition: Sendable, Equatable {
    public let kind: DutyKind
    public let section: String
    public let who: DutyRole
    /// Nil for a duty kept current as needed, with no schedule.
    public let cadence: DutySchedule.Cadence?
    public let title: Localized
}

/// The words of one question yakkan asks of each check (`check_questions:`), with `{number}`,
/// `{check}`, `{help}`, `{legend}` and `{form}` where the check's own go.
public struct QuestionWords: Sendable, Equatable {
    public let label: Localized
    public let question: Localized
    public let help: Localized

    /// The words with `values` put in place.
    func filled(_ values: [String: Localized]) -> QuestionWords {
        QuestionWords(label: FormSetting.filled(label, values), question: FormSetting.filled(question, values), help: FormSetting.filled(help, values))
    }
}

/// The questions of each check: the form's mark, going on with a ×, the note and the evidence;
/// the 利用責任者's own mark and note in the double check.
public struct CheckQuestions: Sendable, Equatable {
    public let mark: QuestionWords
    public let proceed: QuestionWords
    public let note: QuestionWords
    public let evidence: QuestionWords
    public let reviewerMark: QuestionWords
    public let reviewerNote: QuestionWords

    static let keys = ["mark", "proceed", "note", "evidence", "reviewer_mark", "reviewer_note"]
}
