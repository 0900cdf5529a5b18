/// The double check and the acknowledgement of the risks (5(2)–(4)): who may make them, the
/// records they make and what those change. The shell asks before the form; the store asks again,
/// of the service as it stands inside the transaction that records them.
public enum ReviewActions {
    /// The decision a reviewer's answers make on the form they reviewed.
    public static func decision(
        on application: ApplicationRecord, form: Decision.Form, answers: Answers, by login: String, reviewerName: String?,
        at timestamp: String, reviewedVersion: Int
    ) -> Decision {
        var decision = Decision(
            applicationID: application.id, reviewerLogin: login, reviewerName: reviewerName ?? login,
            outcome: DecisionOutcome(rawValue: answers[ReviewFields.decision]?.choice ?? "") ?? .returned,
            reason: answers[ReviewFields.reason]?.text, answers: answers, decidedAt: timestamp, applicationVersion: reviewedVersion)
        decision.form = form
        return decision
    }

    /// The service manager's acknowledgement of the risks, in their own name as the form gives it.
    public static func acknowledgement(of application: ApplicationRecord, by login: String, at timestamp: String) -> Acknowledgement {
        Acknowledgement(applicationID: application.id, login: login, name: application.serviceManager, acknowledgedAt: timestamp)
    }

    /// Why this login may not double-check the form of the service now under review: its
    /// termination form when one waits, otherwise the application.
    public static func mayReview(_ application: ApplicationRecord, login: String, reviewer: StaffMember?) -> [Localized] {
        if application.formUnderReview == .termination, let form = application.reviewableTermination {
            return FourEyes.refusals(reviewerLogin: login, reviewer: reviewer, form: form).map(\.text)
        }
        return FourEyes.refusals(reviewerLogin: login, reviewer: reviewer, application: application).map(\.text)
    }

    /// What the decision changes, if the service as it stands now allows it; throws the refusal
    /// otherwise (a form changed since it was reviewed, the four-eyes rule, an approval blocked).
    public static func effect(of decision: Decision, on application: ApplicationRecord, reviewer: StaffMember?) throws -> DecisionEffect {
        switch decision.form {
        case .application: return try applicationEffect(of: decision, on: application, reviewer: reviewer)
        case .termination: return try terminationEffect(of: decision, on: application, reviewer: reviewer)
        }
    }

    private static func applicationEffect(of decision: Decision, on application: ApplicationRecord, reviewer: StaffMember?) throws -> DecisionEffect {
        guard application.version == decision.applicationVersion else { throw StoreError.staleVersion(current: application.version) }
        let refusals = FourEyes.refusals(reviewerLogin: decision.reviewerLogin, reviewer: reviewer, application: application)
        guard refusals.isEmpty else { throw StoreError.refused(refusals.map(\.text)) }
        let status: ApplicationStatus
        switch decision.outcome {
        case .approved:
            let blockers = ApprovalRules.blockers(review: decision.answers, application: application)
                + ApprovalRules.periodBlockers(application, today: Village.day(ofTimestamp: decision.decidedAt))
            guard blockers.isEmpty else { throw StoreError.refused(blockers) }
            status = .approved
        case .returned: status = .returned
        case .refused: status = .refused
        case .confirmed: throw StoreError.refused([Localized("申請には「確認」ではなく承認・差し戻し・却下で判断します。", "An application is approved, returned or refused, not confirmed.")])
        }
        return DecisionEffect(applicationStatus: status, reviewProcedureID: ReviewProcedure.id)
    }

    private static func terminationEffect(of decision: Decision, on application: ApplicationRecord, reviewer: StaffMember?) throws -> DecisionEffect {
        guard let termination = application.termination, let form = application.reviewableTermination else {
            throw StoreError.refused([TerminationRules.noTermination(application)])
        }
        guard termination.version == decision.applicationVersion else { throw StoreError.staleVersion(current: termination.version) }
        if let notAwaiting = form.notAwaiting { throw StoreError.refused([notAwaiting]) }
        let refusals = FourEyes.refusals(reviewerLogin: decision.reviewerLogin, reviewer: reviewer, form: form)
        guard refusals.isEmpty else { throw StoreError.refused(refusals.map(\.text)) }
        switch decision.outcome {
        case .confirmed:
            let blockers = TerminationRules.confirmationBlockers(review: decision.answers)
            guard blockers.isEmpty else { throw StoreError.refused(blockers) }
            return DecisionEffect(
                applicationStatus: .ended, endedOn: termination.endDate, terminationStatus: .confirmed,
                reviewProcedureID: ReviewProcedure.terminationID)
        case .returned:
            return DecisionEffect(terminationStatus: .returned, reviewProcedureID: ReviewProcedure.terminationID)
        case .approved, .refused:
            throw StoreError.refused([Localized("終了確認書は「確認」か「差し戻し」で判断します。", "A termination form is confirmed or returned.")])
        }
    }

    /// A form returned to whoever filled it in, as the draft they correct: every answer kept,
    /// in the form's order; nil when the form is not returned.
    public static func returnedDraft(of application: ApplicationRecord, procedureID: String) -> Draft? {
        let (answers, fields, owner): (Answers, [Field], String)
        if procedureID == TerminationProcedure.id {
            guard let termination = application.termination, termination.status == .returned else { return nil }
            (answers, fields, owner) = (termination.answers, TerminationProcedure.procedure(for: application).fields, termination.applicantLogin)
        } else {
            guard application.status == .returned else { return nil }
            (answers, fields, owner) = (application.answers, ApplicationProcedure.procedure.fields, application.applicantLogin)
        }
        let order = fields.map(\.id).filter { answers[$0] != nil }
        let returnedAt = (procedureID == TerminationProcedure.id ? application.termination?.latestDecision : application.latestDecision)?.decidedAt ?? ""
        return Draft(
            owner: owner, procedureID: procedureID, state: InterviewState(answers: answers, order: order), updatedAt: returnedAt,
            applicationID: application.id)
    }

    /// The reviewer's draft of the double check: the one they began, or a fresh one. A draft
    /// begun on an older version keeps what was typed as defaults, but every mark is asked again.
    /// `keeping` holds the reviewer's marks that still stand on a resubmission, offered as defaults.
    public static func reviewDraft(
        resuming existing: Draft?, owner: String, procedureID: String, of id: Int64, version: Int, keeping: Answers = [:]
    ) -> (draft: Draft, began: DraftBeginning) {
        guard var draft = existing else {
            var fresh = Draft.fresh(owner: owner, procedureID: procedureID, about: id, version: version)
            fresh.state = InterviewState(previous: keeping)
            return (fresh, .fresh)
        }
        guard draft.applicationVersion != version else { return (draft, .resumed) }
        let earlier = draft.applicationVersion ?? 0
        draft.state = draft.state.askedAgain()
        draft.applicationVersion = version
        return (draft, .onNewVersion(from: earlier, to: version))
    }
}

/// How a form's draft was begun.
public enum DraftBeginning: Sendable, Equatable {
    case fresh
    case resumed
    case onNewVersion(from: Int, to: Int)
}
