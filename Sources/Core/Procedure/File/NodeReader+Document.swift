import Yams

/// The procedure file's sections, each read into its part of the document.
extension NodeReader {
    static let sections = [
        "version", "enacted", "reason", "retention", "classification", "marks", "risks", "breach",
        "application_questions", "application_checks", "termination_checks", "duties",
        "review_questions", "termination_review_questions", "termination_questions", "duty_questions", "event_questions",
        "wording", "check_questions",
    ]
    /// Sections a file may leave out; see each one's reader for what stands in their place.
    static let optionalSections = ["printed_form"]

    func document(_ root: Node) -> ProcedureDocument? {
        guard let top = entries(root, allowed: Self.sections + Self.optionalSections, required: Self.sections) else { return nil }
        let version = string(top["version"])
        let enactedText = string(top["enacted"])
        let enacted = enactedText.flatMap { Day(iso: $0) }
        if let enactedText, enacted == nil { note(top["enacted"], .unreadableDate(enactedText)) }
        let reason = text(top["reason"])
        let retention = months(top["retention"])
        let classes = classification(top["classification"])
        classesNeedingPermission = classes?.needingPermission ?? []
        let marks = top["marks"].flatMap { entries($0, allowed: ["legend"], required: ["legend"]) }.flatMap { text($0["legend"]) }
        let risks = riskNotice(top["risks"])
        let breach = text(top["breach"])
        // A condition may read any question of the application, its checks' marks included.
        let checkCount = top["application_checks"]?.sequence?.count ?? 0
        let questions = Set(questionIDs(top["application_questions"]) + (0..<checkCount).map { "check\($0 + 1)" })
        let applicationIDs = Set(questionIDs(top["application_questions"]))
        let asked = self.questions(top["application_questions"], knownQuestions: questions, required: ApplicationFields.asked, application: applicationIDs)
        let forms = formQuestions(top, application: questions)
        let wording = engineWording(top["wording"])
        let checkQuestions = checkQuestions(top["check_questions"])
        let checked = checks(top["application_checks"], knownQuestions: questions)
        let terminationChecks = checks(top["termination_checks"], knownQuestions: questions)
        let duties = duties(top["duties"])
        let printed = printedForms(top["printed_form"])
        if top["printed_form"] != nil, printed == nil { return nil }
        guard let version, let enacted, let reason, let retention, let classes, let marks, let risks, let breach,
              let asked, let checked, let terminationChecks, let duties, let forms, let wording, let checkQuestions
        else { return nil }
        return ProcedureDocument(
            version: ProcedureVersion(version: version, enacted: enacted, reason: reason),
            retentionMonths: retention, classificationScale: classes.scale, classesNeedingPermission: classes.needingPermission,
            classificationGuide: classes.guide,
            markLegend: marks, riskHeading: risks.heading, risks: risks.items, riskQuestion: risks.question, eachRiskQuestion: risks.eachRisk, breach: breach,
            applicationQuestions: asked, applicationChecks: checked, terminationChecks: terminationChecks, duties: duties,
            formQuestions: forms, checkQuestions: checkQuestions, wording: wording, writtenPrintedForms: printed)
    }

    /// The questions of every form but the application's. A condition may read the form's own
    /// questions and the application's; a default or a preamble may name the application's.
    func formQuestions(_ top: [String: Node], application: Set<String>) -> [FormName: [QuestionDefinition]]? {
        var placed: [(FormName, Node?)] = FormName.ownSections.map { section, form in (form, top[section]) }
        for (section, forms) in [("duty_questions", FormName.dutyForms), ("event_questions", FormName.eventForms)] {
            guard let node = top[section] else { continue }
            let found = entries(node, allowed: forms.map(\.rawValue), required: forms.map(\.rawValue)) ?? [:]
            placed += forms.compactMap { form in found[form.rawValue].map { (form, $0) } }
        }
        var read: [FormName: [QuestionDefinition]] = [:]
        readingForm = true
        defer { readingForm = false }
        let applicationOnly = Set(application.filter { !$0.hasPrefix("check") })
        for (form, node) in placed {
            guard let node else { continue }
            let own = Set(questionIDs(node))
            read[form] = questions(node, knownQuestions: own.union(application), required: form.required, application: applicationOnly)
        }
        return read.count == FormName.allCases.count ? read : nil
    }

    func checkQuestions(_ node: Node?) -> CheckQuestions? {
        guard let node, let found = entries(node, allowed: CheckQuestions.keys, required: CheckQuestions.keys) else { return nil }
        let words = CheckQuestions.keys.map { key in found[key].flatMap(questionWords) }
        let read = words.compactMap { $0 }
        guard read.count == words.count else { return nil }
        return CheckQuestions(mark: read[0], proceed: read[1], note: read[2], evidence: read[3], reviewerMark: read[4], reviewerNote: read[5])
    }

    func questionWords(_ node: Node) -> QuestionWords? {
        let keys = ["label", "question", "help"]
        guard let found = entries(node, allowed: keys, required: keys) else { return nil }
        let label = text(found["label"])
        let question = text(found["question"])
        let help = text(found["help"])
        guard let label, let question, let help else { return nil }
        return QuestionWords(label: label, question: question, help: help)
    }

    /// What yakkan adds to the file's questions in the village's words: the help of the answers
    /// named from the staff directory, and how the users are counted.
    func engineWording(_ node: Node?) -> EngineWording? {
        let keys = ["staff_member_help", "people_help", "users_total"]
        guard let node, let found = entries(node, allowed: keys, required: keys) else { return nil }
        let staff = text(found["staff_member_help"])
        let people = text(found["people_help"])
        let total = text(found["users_total"])
        if let total, !(total.ja.contains("{count}") && total.en.contains("{count}")) { note(found["users_total"], .missingPlaceholder("{count}")) }
        guard let staff, let people, let total else { return nil }
        return EngineWording(staffMemberHelp: staff, peopleHelp: people, usersTotal: total)
    }

    func classification(_ node: Node?) -> (scale: [String], needingPermission: Set<String>, guide: Localized)? {
        let keys = ["scale", "needs_permission", "guide"]
        guard let node, let found = entries(node, allowed: keys, required: keys),
              let scaleNodes = list(found["scale"]), let permissionNodes = list(found["needs_permission"])
        else { return nil }
        let guide = text(found["guide"])
        var scale: [String] = []
        for node in scaleNodes {
            guard let name = string(node) else { continue }
            if scale.contains(name) { note(node, .duplicateClass(name)) } else { scale.append(name) }
        }
        if scaleNodes.isEmpty, let scaleNode = found["scale"] { note(scaleNode, .emptyScale) }
        var needing: Set<String> = []
        for node in permissionNodes {
            guard let name = string(node) else { continue }
            if scale.contains(name) { needing.insert(name) } else { note(node, .unknownClass(name)) }
        }
        return guide.map { (scale, needing, $0) }
    }

    func riskNotice(_ node: Node?) -> (heading: Localized, items: [RiskItem], question: RiskQuestion, eachRisk: RiskQuestion)? {
        let keys = ["heading", "items", "acknowledgement", "service_manager_acknowledgement"]
        guard let node, let found = entries(node, allowed: keys, required: keys) else { return nil }
        let heading = text(found["heading"])
        let items: [RiskItem] = (list(found["items"]) ?? []).compactMap { item in
            let shown = text(item, alsoAllowed: ["correction"])
            let correction = text(item.mapping?["correction"])
            return shown.map { RiskItem(text: $0, correction: correction) }
        }
        let question = riskQuestion(found["acknowledgement"])
        let eachRisk = riskQuestion(found["service_manager_acknowledgement"], labelled: false)
        guard let heading, let question, let eachRisk else { return nil }
        return (heading, items, question, eachRisk)
    }

    func checks(_ node: Node?, knownQuestions: Set<String>) -> [CheckDefinition]? {
        guard let items = list(node) else { return nil }
        if items.isEmpty { note(node, .noChecks) }
        var seen: Set<Int> = []
        var checks: [CheckDefinition] = []
        for (index, item) in items.enumerated() {
            // Numbers are judged even when the rest of a check has mistakes of its own.
            if let number = item.mapping?["number"]?.string.flatMap({ Int($0) }) {
                if !seen.insert(number).inserted {
                    note(item, .duplicateNumber(number))
                } else if number != index + 1 {
                    note(item, .numberOutOfOrder(expected: index + 1, found: number))
                }
            }
            if let check = check(item, knownQuestions: knownQuestions) { checks.append(check) }
        }
        return checks
    }

    func check(_ node: Node, knownQuestions: Set<String>) -> CheckDefinition? {
        guard let found = entries(
            node, allowed: ["number", "text", "help", "not_applicable", "shows_incidents_within", "blocks", "evidence"],
            required: ["number", "text", "help"])
        else { return nil }
        var number: Int?
        if let written = string(found["number"]) {
            number = Int(written)
            if number == nil { note(found["number"], .notNumber(written)) }
        }
        let wording = text(found["text"])
        let help = text(found["help"])
        let rule = found["not_applicable"].flatMap { notApplicable($0, knownQuestions: knownQuestions) }
        let incidents = found["shows_incidents_within"].flatMap { months($0) }
        let blocks = found["blocks"].flatMap { flag($0) } ?? false
        var evidenceRequired = false
        if let written = string(found["evidence"]) {
            evidenceRequired = written == "required"
            if !["required", "optional"].contains(written) { note(found["evidence"], .unreadableEvidence(written)) }
        }
        guard let number, let wording, let help else { return nil }
        return CheckDefinition(number: number, text: wording, help: help, notApplicable: rule, showsIncidentsWithinMonths: incidents, blocks: blocks,
            evidenceRequired: evidenceRequired)
    }

    func notApplicable(_ node: Node, knownQuestions: Set<String>) -> NotApplicableRule? {
        guard let found = entries(node, allowed: ["refused_when", "refusal", "default_when", "default_note"], required: []) else { return nil }
        let refusedWhen = condition(found["refused_when"], knownQuestions: knownQuestions)
        let refusal = text(found["refusal"])
        if refusedWhen != nil, refusal == nil, found["refusal"] == nil { note(node, .missingKey("refusal")) }
        return NotApplicableRule(
            refusedWhen: refusedWhen, refusal: refusal,
            defaultWhen: condition(found["default_when"], knownQuestions: knownQuestions), defaultNote: text(found["default_note"]))
    }

    func duties(_ node: Node?) -> [DutyDefinition]? {
        guard let items = list(node) else { return nil }
        var duties: [DutyDefinition] = []
        var written: Set<String> = []
        for item in items {
            guard let found = entries(item, allowed: ["id", "section", "who", "every", "title"], required: ["id", "section", "who", "every", "title"])
            else { continue }
            var kind: DutyKind?
            if let id = string(found["id"]) {
                written.insert(id)
                kind = DutyKind(rawValue: id)
                if kind == nil { note(found["id"], .unknownDuty(id)) }
                if let kind, duties.contains(where: { $0.kind == kind }) { note(found["id"], .duplicateDuty(id)) }
            }
            var who: DutyRole?
            if let role = string(found["who"]) {
                who = DutyRole(rawValue: role)
                if who == nil { note(found["who"], .unknownRole(role)) }
            }
            var cadence: DutySchedule.Cadence??
            if let every = string(found["every"]) {
                cadence = DutyInterval.cadence(every)
                if cadence == nil { note(found["every"], .unreadableInterval(every)) }
            }
            let section = string(found["section"])
            let title = text(found["title"])
            guard let kind, let who, let cadence, let section, let title else { continue }
            duties.append(DutyDefinition(kind: kind, section: section, who: who, cadence: cadence, title: title))
        }
        // A misspelt id is named once, as unknown, not again as a duty missing.
        let misspelt = written.contains { DutyKind(rawValue: $0) == nil }
        for kind in DutyKind.allCases where !written.contains(kind.rawValue) && !misspelt {
            note(node, .missingDuty(kind.rawValue))
        }
        return duties
    }
}
