import Core
import Foundation
import Yams

@testable import Guide

/// Does a transcript's `# act:` lines through the same path as the shell: the store opened as
/// the act's login (on the server, that login's role), each form's questions answered by the
/// interview engine from typed lines, the command decided by Core and appended by `perform`.
/// Nothing is shown: a transcript that starts from acts shows only its point.
enum ActRunner {
    /// Does the acts in order; says why each that could not be done was not.
    static func perform(_ acts: [TranscriptAct], store: TranscriptStore) -> [String] {
        acts.compactMap { perform($0, store: store)?.description }
    }

    /// Does the act; nil when done, else why not.
    static func perform(_ act: TranscriptAct, store: TranscriptStore) -> ActProblem? {
        let run = Transcript.Run(
            login: act.login, today: act.today, environment: act.environment, arguments: [], headerLines: [], commandLine: "",
            expected: [], expectedStatus: 0, trailingLines: [])
        let output = BufferedOutput()
        let session = TranscriptRunner.session(run, store: store, source: ScriptedSource(lines: []), output: output)
        defer { session.finish() }
        do {
            // As `Yakkan.run`: the village's versions of the procedure are learnt when the store opens.
            try ProcedureScope.$session.withValue(ProcedureSession()) {
                let opened = try CommonOptions.parse([]).openStore(session)
                try perform(act, in: opened, session)
            }
            return nil
        } catch let problem as ActProblem {
            return problem
        } catch {
            let reason = StoreError(classifying: error).map { StoreText.describe($0)(.ja) } ?? "\(error)"
            return .notDone(act.line, reason)
        }
    }

    private static func perform(_ act: TranscriptAct, in store: any Store, _ session: Session) throws {
        let today = Village.today(session.clock)
        let timestamp = Village.timestamp(session.clock.now)
        switch act.verb {
        case .submits(let form):
            let actor = try session.actor(store)
            var context = InterviewContext(
                language: .ja, today: today, person: actor.applicantDefaults, intake: store.intake,
                incidents: try store.incidents(), staff: try store.staff().acting(on: today))
            context.login = actor.login
            let interview = Interview(procedure: ApplicationProcedure.procedure, context: context)
            let typed = try formLines(form, act).merging(act.overrides) { _, override in override }
            let state = try answer(interview, typed, act)
            // As the shell's apply: the applicant's name and 課 are remembered for their next form.
            if let profile = actor.profileToRemember(from: state.answers) { try store.savePerson(profile, at: timestamp) }
            let submission = Command.Submission(
                answers: state.answers, correcting: nil, procedureVersion: ProcedureScope.document.version.version)
            try store.perform(.submitApplication(submission), by: act.login, at: timestamp)
        case .terminates(let id, let form):
            let actor = try session.actor(store)
            guard let application = try store.application(id: id) else { throw StoreError.notFound(id: id) }
            if let refusal = TerminationActions.maySubmit(application, login: actor.login, member: actor.member) {
                throw ActProblem.notDone(act.line, refusal(.ja))
            }
            // The termination form of the version the application was made under.
            try ProcedureScope.forForm(application) {
                let context = InterviewContext(
                    language: .ja, today: today, person: actor.signature, intake: store.intake, staff: try store.staff().acting(on: today))
                let interview = Interview(procedure: TerminationProcedure.procedure(for: application), context: context)
                let state = try answer(interview, try formLines(form, act).merging(act.overrides) { _, override in override }, act)
                try store.perform(.submitTermination(application: id, answers: state.answers), by: act.login, at: timestamp)
            }
        case .decides(let id, let outcome, let reason):
            guard let application = try store.application(id: id) else { throw StoreError.notFound(id: id) }
            let reviewer = try store.staffMember(login: act.login)?.acting(on: today)
            if let refusal = ReviewActions.mayReview(application, login: act.login, reviewer: reviewer).first {
                throw ActProblem.notDone(act.line, refusal(.ja))
            }
            // The form under review: the termination form when one waits, else the application.
            let termination = application.formUnderReview == .termination
            // A form is double-checked under the version of the procedure it was made under.
            try ProcedureScope.forForm(application) {
                let procedure = termination
                    ? ReviewProcedure.termination(for: application) { [store] in store.storedPath(of: $0) }
                    : ReviewProcedure.procedure(for: application, today: today) { [store] in store.storedPath(of: $0) }
                let context = InterviewContext(language: .ja, today: today, person: nil, intake: store.intake)
                let typed = reviewLines(application, termination: termination, outcome, reason).merging(act.overrides) { _, override in override }
                let state = try answer(Interview(procedure: procedure, context: context), typed, act)
                let decision = ReviewActions.decision(
                    on: application, form: termination ? .termination : .application, answers: state.answers, by: act.login,
                    reviewerName: reviewer?.name, at: timestamp,
                    reviewedVersion: termination ? application.termination?.version ?? 0 : application.version)
                let record = try store.decide(decision)
                // As the shell's approval: the terms attached are kept as those approved when the
                // form gives the address they are published at (a terms-check command).
                if !termination, decision.outcome == .approved {
                    _ = try TermsChecker(store: store, fetcher: TermsFetcher(policy: .init())).keepAttached(record, by: act.login, at: timestamp)
                }
            }
        case .acknowledges(let id):
            guard let application = try store.application(id: id) else { throw StoreError.notFound(id: id) }
            let member = try store.staffMember(login: act.login)
            if let refusal = AcknowledgementRules.refusal(login: act.login, member: member, application: application) {
                throw ActProblem.notDone(act.line, refusal(.ja))
            }
            _ = try store.acknowledge(ReviewActions.acknowledgement(of: application, by: act.login, at: timestamp))
        }
    }

    /// What a reviewer who agrees with the applicant types: each check marked as the applicant
    /// marked it, the purpose a business need (an application's), the outcome and its reason.
    /// "approves" a termination form is its 確認.
    static func reviewLines(
        _ application: ApplicationRecord, termination: Bool, _ outcome: DecisionOutcome, _ reason: String?
    ) -> [String: String] {
        var lines = [ReviewFields.reason: reason ?? ""]
        if termination {
            lines[ReviewFields.decision] = (outcome == .approved ? DecisionOutcome.confirmed : outcome).rawValue
            for item in TerminationProcedure.checks {
                if let mark = application.termination?.answers[item.markID]?.mark { lines[ReviewFields.terminationMark(item.number)] = mark.symbol }
            }
        } else {
            lines[ReviewFields.decision] = outcome.rawValue
            lines[ReviewFields.businessNeed] = "はい"
            for item in ApplicationChecks.items {
                if let mark = application.answers[item.markID]?.mark { lines[ReviewFields.mark(item.number)] = mark.symbol }
            }
        }
        return lines
    }

    /// Answers every question the engine asks, in its order, with the line typed for it (an
    /// empty line when none is), as a person at the shell would; the form must end complete,
    /// with every typed line asked for.
    static func answer(_ interview: Interview, _ typed: [String: String], _ act: TranscriptAct) throws -> InterviewState {
        var state = InterviewState()
        var asked = Set<String>()
        while let field = interview.nextField(state) {
            let line = typed[field.id] ?? ""
            let outcome = interview.handle(line: line, state)
            guard !outcome.refused, !outcome.effects.contains(.leave), asked.insert(field.id).inserted else {
                let reason = outcome.messages.map(\.text).joined(separator: " ")
                throw ActProblem.answerRefused(act.line, field: field.id, typed: line, reason: reason.isEmpty ? "asked again" : reason)
            }
            state = outcome.state
        }
        let unasked = Set(typed.keys).subtracting(asked)
        if !unasked.isEmpty { throw ActProblem.neverAsked(act.line, Array(unasked)) }
        if let blocker = interview.blockers(state).first { throw ActProblem.notDone(act.line, blocker(.ja)) }
        return state
    }

    /// A form's answers: a YAML mapping of field id to the line typed at that question.
    static func formLines(_ name: String, _ act: TranscriptAct) throws -> [String: String] {
        let path = Transcript.folder + "/" + name
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ActProblem.formUnreadable(act.line, "no form file \(name) in transcripts/")
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            throw ActProblem.formUnreadable(act.line, "\(name) is not YAML: \(error)")
        }
        guard let mapping = node?.mapping else {
            throw ActProblem.formUnreadable(act.line, "\(name) must map each field id to the line typed at its question")
        }
        var lines: [String: String] = [:]
        for (key, value) in mapping {
            guard let field = key.string, value.mapping == nil, value.sequence == nil else {
                throw ActProblem.formUnreadable(act.line, "\(name), line \(key.mark.map { "\($0.line)" } ?? "?"): each answer is one line of text")
            }
            lines[field] = value.scalar.map { $0.style == .plain && $0.string == "~" ? "" : $0.string } ?? ""
        }
        return lines
    }
}
