import Core

/// The reviewer's double check: the inbox, the blind marking, the decision.
struct ReviewFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run(applicationID: Int64?) throws -> Int32 {
        let reviewer = try store.staffMember(login: session.login)?.acting(on: Village.today(session.clock))
        if reviewer == nil && applicationID == nil {
            session.show(.error, ReviewRefusal.notInDirectory(login: session.login).text(language))
            session.show(.hint, Administrators.askToBeAdded(session.login, staff: try store.staff())(language))
            return 1
        }
        guard let application = try choose(applicationID, reviewer) else { return 0 }
        // A form is double-checked with the checks and rules of the version it was made under.
        return try ProcedureScope.forForm(application) { try review(application, reviewer) }
    }

    private func review(_ application: ApplicationRecord, _ reviewer: StaffMember?) throws -> Int32 {
        // A service is under review either for its application or for its termination.
        let termination = application.formUnderReview == .termination
        let refusals = ReviewActions.mayReview(application, login: session.login, reviewer: reviewer)
        guard refusals.isEmpty else {
            session.show(.error, ReviewText.cannotReview(language))
            for refusal in refusals { session.show(.error, "  - " + refusal(language)) }
            return 1
        }
        if !termination, let holder = try store.claimReview(
            applicationID: application.id, by: session.login, at: Village.timestamp(session.clock.now)) {
            session.show(.warning, ReviewText.heldBy(holder, since: application.reviewingSince)(language))
        }
        let procedure: Procedure
        let version: Int
        var resubmission: Resubmission?
        if termination {
            session.output.write(TerminationForm.text(application, language, blind: true) + "\n")
            session.show(.heading, TerminationText.beginReview(language))
            procedure = ReviewProcedure.termination(for: application) { [store] in store.storedPath(of: $0) }
            version = application.termination?.version ?? 0
        } else {
            session.output.write(ApplicationForm.text(application, applicant: nil, today: Village.today(session.clock), language, blind: true) + "\n")
            resubmission = Resubmission.of(application, filings: try store.filings(of: application.id))
            session.show(ReviewText.earlierReview(application, resubmission: resubmission, reviewer: session.login, language))
            session.show(.heading, ReviewText.beginReview(language))
            procedure = ReviewProcedure.procedure(for: application, today: Village.today(session.clock)) { [store] in store.storedPath(of: $0) }
            version = application.version
        }
        let context = InterviewContext(
            language: language, today: Village.today(session.clock), person: nil, intake: store.intake)
        let loop = InterviewLoop(session: session, store: store, interview: Interview(procedure: procedure, context: context), bail: bail)
        let existing = try store.drafts(owner: session.login, procedureID: procedure.id).first { $0.applicationID == application.id }
        let (start, began) = ReviewActions.reviewDraft(
            resuming: existing, owner: session.login, procedureID: procedure.id, of: application.id, version: version,
            keeping: resubmission?.keptMarks(for: session.login) ?? [:])
        switch began {
        case .fresh: break
        case .resumed: session.show(DraftChoice.resumed(loop.interview))
        case .onNewVersion: session.show(.warning, ReviewText.reviewingNewVersion(language))
        }
        switch try loop.run(start) {
        case .left: return 0
        case .bailed: return 1
        case .confirmed(let draft):
            let decision = ReviewActions.decision(
                on: application, form: termination ? .termination : .application, answers: draft.state.answers,
                by: session.login, reviewerName: reviewer?.name, at: Village.timestamp(session.clock.now),
                reviewedVersion: draft.applicationVersion ?? version)
            let outcome = decision.outcome
            let record = try store.decide(decision)
            let said = termination && outcome == .returned ? ReviewText.terminationReturned(record) : ReviewText.decided(record, outcome)
            session.show(.success, said(language))
            if !termination, outcome == .approved,
               let kept = try TermsChecker(store: store, fetcher: TermsFetcher(policy: .init())).keepAttached(record, by: session.login, at: Village.timestamp(session.clock.now)) {
                for (line, _) in TermsCheckText.lines(kept) { session.show(.info, line(language)) }
            }
            return 0
        }
    }

    /// The application named, or one chosen from this reviewer's inbox.
    private func choose(_ id: Int64?, _ reviewer: StaffMember?) throws -> ApplicationRecord? {
        if let id {
            guard let record = try store.application(id: id) else { throw StoreError.notFound(id: id) }
            return record
        }
        guard let reviewer else { return nil }
        let today = Village.today(session.clock)
        let applications = try store.summaries(.applicationsToReview(departments: reviewer.reviewerOf), today: today)
        let terminations = try store.summaries(.terminationsToReview(departments: reviewer.reviewerOf), today: today)
        let waiting = ReviewText.waiting(for: reviewer, in: applications) + ReviewText.terminationsWaiting(for: reviewer, in: terminations)
        guard !waiting.isEmpty else {
            session.show(.info, ReviewText.nothingWaiting(language))
            return nil
        }
        session.output.write(ReviewText.inbox(waiting, today: Village.today(session.clock), language) + "\n")
        let question = [Message(.question, ReviewText.chooseApplication(language) + " [\(waiting[0].id)]")]
        return try session.ask(question, completions: waiting.map { "\($0.id)" }, bail: bail, language: language) { text in
            text.isEmpty ? .success(waiting[0]) : ReviewText.pick(text, among: waiting)
        }
    }
}
