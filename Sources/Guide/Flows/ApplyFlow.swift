import Core

/// The application: a new one, a draft resumed, or a returned one corrected and sent again.
struct ApplyFlow {
    let session: Session
    let store: any Store
    let language: Language
    let bail: Bool

    func run() throws -> Int32 {
        var actor = try session.actor(store)
        var context = InterviewContext(
            language: language, today: Village.today(session.clock), person: actor.applicantDefaults, intake: store.intake,
            incidents: try store.incidents(), staff: try store.staff().acting(on: Village.today(session.clock)))
        context.login = actor.login
        let interview = Interview(procedure: ApplicationProcedure.procedure, context: context)
        session.show(.info, SessionText.welcome(language))
        let drafts = try store.drafts(owner: session.login, procedureID: interview.procedure.id)
        for draft in drafts {
            if let id = draft.applicationID, let returned = try store.application(id: id)?.latestDecision {
                session.show(.notice, SessionText.returned(id, returned)(language))
            }
        }
        var loop = InterviewLoop(session: session, store: store, interview: interview, bail: bail)
        var offered = false
        loop.afterSave = { draft in
            if let profile = actor.profileToRemember(from: draft.state.answers) {
                try store.savePerson(profile, at: Village.timestamp(session.clock.now))
                actor = actor.remembering(profile)
            }
            guard !offered, draft.state.reusedFrom == nil, draft.applicationID == nil,
                  let provider = draft.state.answers[ApplicationFields.provider]?.text,
                  let service = draft.state.answers[ApplicationFields.service]?.text,
                  let source = Reuse.candidates(provider: provider, service: service, in: try sameService(provider, service)).first
            else { return draft }
            offered = true
            return try offerReuse(source, draft)
        }
        let inForce = ProcedureScope.document.version
        let fresh = DraftVersion.begun(Draft.fresh(owner: session.login, procedureID: interview.procedure.id), under: inForce)
        guard let chosen = try loop.chooseDraft(drafts, fresh: fresh) else { return 0 }
        let (start, movedOver) = DraftVersion.resumed(chosen, under: inForce)
        if let movedOver { session.show(.notice, movedOver(language)) }
        guard let id = start.applicationID, let returned = try store.application(id: id) else { return try finish(loop, start) }
        // A returned form is corrected under the version it was made under, whatever is in force now.
        return try ProcedureScope.forForm(returned) {
            var corrected = context
            corrected.returnedBy = returned.latestDecision
            var correcting = InterviewLoop(
                session: session, store: store, interview: Interview(procedure: ApplicationProcedure.procedure, context: corrected), bail: bail)
            correcting.afterSave = loop.afterSave
            // The applicant corrects what the reviewer wrote: every note, at resume and in :review.
            if let decision = returned.latestDecision { session.show(ReturnedNotes.lines(decision, application: start.state.answers, language)) }
            return try finish(correcting, start)
        }
    }

    private func finish(_ loop: InterviewLoop, _ start: Draft) throws -> Int32 {
        switch try loop.run(start) {
        case .left: return 0
        case .bailed: return 1
        case .confirmed(let draft):
            let record = try store.submitApplication(
                from: draft, procedureVersion: ProcedureScope.document.version.version, at: Village.timestamp(session.clock.now))
            let reviewers = SubmissionActions.eligibleReviewers(
                of: record.department, applicantLogin: record.applicantLogin,
                departmentHeadLogin: record.departmentHead.login, staff: try store.staff().acting(on: Village.today(session.clock)))
            session.show(.success, SessionText.submitted(record, reviewers: reviewers)(language))
            return 0
        }
    }

    private func sameService(_ provider: String, _ service: String) throws -> [ApplicationRecord] {
        try store.query(.reusable(provider: provider, service: service), today: Village.today(session.clock))
    }

    /// Asks whether to start from an approved application of the same service elsewhere.
    private func offerReuse(_ source: ApplicationRecord, _ draft: Draft) throws -> Draft {
        let question = [Message(.notice, Reuse.offer(source)(language))]
        let answer = try session.ask(question, bail: bail, language: language) { text in
            YesNo.parse(InputLine.halfwidthASCII(text).lowercased()).map { .success($0) } ?? .failure(SessionText.yesOrNo)
        }
        guard answer == true else { return draft }
        var reused = draft
        reused.state = Reuse.seed(draft.state, from: source)
        session.show(.info, Reuse.started(source)(language))
        return try store.saveDraft(reused, at: Village.timestamp(session.clock.now))
    }
}
