import Foundation

/// Replays the record rows carried by the signed entries: what each row must be now, and,
/// entry by entry, whether the change it carries is one the procedure allows its signer to make.
/// A member of the group can sign entries with their own key; this is what stops them from
/// signing an approval of their own application or a directory they made themselves.
struct RecordReplay {
    struct Expected {
        let digest: Data
        let sequence: Int64
    }

    /// What the four-eyes rule needs to know of each form, as the log has it so far.
    struct FormFacts {
        var applicant = ""
        /// The form as its applicant wrote it: it changes only when they submit it again.
        var answersText: String?
        var department = ""
        var departmentHead = NamedPerson(name: "", login: nil)
        var manager: String?
        var status = ""
        var editors: Set<String> = []
        var terminationApplicant = ""
        var terminationHead = NamedPerson(name: "", login: nil)
        var terminationEditors: Set<String> = []
    }

    private(set) var expected: [String: Expected] = [:]
    private var staff: [String: StaffMember] = [:]
    private var forms: [Int64: FormFacts] = [:]

    /// Baseline entries vouch for what was there before the log was signed; after the first
    /// signed change, a baseline would be a way around every rule.
    private var changesSeen = false

    mutating func apply(_ entry: AuditEntry, _ images: [RowImage]) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        if entry.action == AuditTrail.baselineAction {
            if changesSeen { findings.append(AuditFinding(.ruleBroken(ReplayText.lateBaseline), sequence: entry.sequence, subject: entry.subject)) }
        } else if entry.action != AuditTrail.keyAction {
            changesSeen = true
            findings = rulesBroken(entry, images)
        }
        for image in images {
            if let row = image.row {
                expected[image.address] = Expected(digest: RowImage.digest(row), sequence: entry.sequence)
            } else {
                expected[image.address] = nil
            }
            learn(image)
        }
        return findings
    }

    // MARK: Rules of the procedure, on the state before the entry

    private func rulesBroken(_ entry: AuditEntry, _ images: [RowImage]) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        func broken(_ reason: Localized, _ image: RowImage) {
            findings.append(AuditFinding(.ruleBroken(reason), sequence: entry.sequence, subject: image.address))
        }
        let isNew = { (image: RowImage) in image.row != nil && expected[image.address] == nil }
        var directoryChecked = false
        for image in images {
            switch image.table {
            case "staff", "staff_reviewer", "staff_mail":
                guard !directoryChecked else { continue }
                directoryChecked = true
                let target = image.key.first.flatMap(Self.text) ?? ""
                if let reason = DirectoryRules.refusal(
                    actor: entry.actor, actorMember: staff[entry.actor], directoryIsEmpty: staff.isEmpty, target: target) {
                    broken(reason, image)
                }
            case "decision" where isNew(image):
                let reviewer = Self.text(image["reviewer"]) ?? ""
                let applicationID = Self.integer(image["application_id"]) ?? 0
                if reviewer != entry.actor { broken(ReplayText.signedByAnother(reviewer, entry.actor), image); continue }
                let facts = forms[applicationID] ?? FormFacts()
                let termination = Self.text(image["form"]) == Decision.Form.termination.rawValue
                let form = ReviewableForm(
                    department: facts.department,
                    applicantLogin: termination ? facts.terminationApplicant : facts.applicant,
                    departmentHead: termination ? facts.terminationHead : facts.departmentHead,
                    editors: Array(termination ? facts.terminationEditors : facts.editors), notAwaiting: nil)
                for refusal in FourEyes.refusals(reviewerLogin: entry.actor, reviewer: staff[entry.actor], form: form) {
                    broken(refusal.text, image)
                }
            case "acknowledgement" where isNew(image):
                let login = Self.text(image["login"]) ?? ""
                if login != entry.actor { broken(ReplayText.signedByAnother(login, entry.actor), image) }
                let facts = image.key.first.flatMap(Self.integer).flatMap { forms[$0] }
                if facts?.manager != login { broken(ReplayText.notTheManager(login), image) }
                // 5(3) comes after the double check: an acknowledgement does not stand in for an approval.
                if facts?.status != ApplicationStatus.approved.rawValue { broken(ReplayText.acknowledgedWithoutApproval, image) }
            case "retention_hold" where isNew(image):
                let login = Self.text(image["held_by"]) ?? ""
                if login != entry.actor { broken(ReplayText.signedByAnother(login, entry.actor), image) }
                if let refusal = TerminationActions.mayKeepRecords(member: staff[entry.actor]) { broken(refusal, image) }
            case "application" where image.row == nil:
                // Only a purge deletes a service, and only an administrator purges.
                if let refusal = TerminationActions.mayKeepRecords(member: staff[entry.actor]) { broken(refusal, image) }
            case "alert" where image.row != nil && !isNew(image) && Self.text(image["acknowledged_by"]) != nil:
                // Marked read: by the signer, who must be the one it was written for.
                let login = Self.text(image["acknowledged_by"]) ?? ""
                if login != entry.actor { broken(ReplayText.signedByAnother(login, entry.actor), image); continue }
                let needsDecision = Self.integer(image["needs_decision"]).map { $0 != 0 } ?? false
                // An alert asking for a decision is closed by the continuation decision, whose own rules apply.
                if !needsDecision, let refusal = DutyActions.mayAcknowledge(
                    alertFor: Self.text(image["recipient_login"]), needsDecision: false, login: login) {
                    broken(refusal, image)
                }
            case "duty_record" where isNew(image):
                let login = Self.text(image["recorded_by"]) ?? ""
                if login != entry.actor { broken(ReplayText.signedByAnother(login, entry.actor), image) }
            case "application":
                guard image.row != nil, let id = Self.integer(image["id"]) else { continue }
                let status = Self.text(image["status"]) ?? ""
                let before = forms[id]?.status ?? ""
                if let facts = forms[id] {
                    // Whose form it is never changes; what it says changes only when its applicant
                    // submits it again after a return.
                    let resubmitted = before == ApplicationStatus.returned.rawValue && status == ApplicationStatus.submitted.rawValue
                    if Self.text(image["applicant"]) != facts.applicant || (!resubmitted && Self.text(image["answers"]) != facts.answersText) {
                        broken(ReplayText.formRewritten, image)
                    }
                }
                guard status != before else { continue }
                let justifiedBy: String?
                switch status {
                // Ended only by the 利用責任者's confirmation of the termination form.
                case "approved", "returned", "refused", ApplicationStatus.ended.rawValue: justifiedBy = "decision"
                case "in_use" where before.isEmpty && entry.action == AuditTrail.importAction:
                    // A service already in use, registered by an administrator from a spreadsheet.
                    justifiedBy = nil
                    if staff[entry.actor]?.isAdministrator != true { broken(ReplayText.importedByNonAdministrator, image) }
                case "in_use": justifiedBy = "acknowledgement"
                case ApplicationStatus.withdrawn.rawValue:
                    justifiedBy = nil
                    if let refusal = DraftActions.withdrawalRefusal(
                        applicant: forms[id]?.applicant ?? Self.text(image["applicant"]) ?? "", before: before, actor: entry.actor) {
                        broken(refusal, image)
                    }
                case ApplicationStatus.stopped.rawValue:
                    // Stopped at once by its manager, a 利用責任者 of the 課 or an administrator, while in use.
                    justifiedBy = nil
                    let facts = forms[id] ?? FormFacts()
                    let service = ApplicationRecord(
                        id: id, applicantLogin: facts.applicant, status: ApplicationStatus(rawValue: before) ?? .submitted, procedureVersion: "",
                        answers: facts.answersText.flatMap { Self.answers(.text($0)) } ?? [:], submittedAt: "", version: 0)
                    if let refusal = DutyActions.mayStop(service, login: entry.actor, member: staff[entry.actor]) { broken(refusal, image) }
                case "submitted": justifiedBy = nil
                    if Self.text(image["applicant"]) != entry.actor { broken(ReplayText.submittedByAnother, image) }
                    // New, or corrected after a return: a decided form is not put back in the queue.
                    if !["", ApplicationStatus.returned.rawValue].contains(before) { broken(ReplayText.resubmittedAfterDecision(before), image) }
                    if let refusal = Self.answers(image["answers"]).flatMap(SubmissionActions.importOnlyRefusal) { broken(refusal, image) }
                default: justifiedBy = nil
                }
                if let table = justifiedBy, !images.contains(where: { $0.table == table && isNew($0) && Self.applicationID(of: $0) == id }) {
                    broken(ReplayText.statusWithoutRecord(status), image)
                } else if DecisionOutcome(rawValue: status) != nil {
                    // The status says what the decision says, and only an application awaiting review is decided.
                    let says = images.contains { $0.table == "decision" && isNew($0) && Self.applicationID(of: $0) == id && Self.text($0["outcome"]) == status }
                    if !says || before != ApplicationStatus.submitted.rawValue { broken(ReplayText.statusNotTheDecisions(status), image) }
                }
            default: continue
            }
        }
        return findings
    }

    // MARK: What the rules need to remember

    private mutating func learn(_ image: RowImage) {
        let login = image.key.first.flatMap(Self.text) ?? ""
        switch image.table {
        case "staff":
            if image.row != nil {
                var member = staff[login] ?? StaffMember(login: login, name: "", department: "", isAdministrator: false, reviewerOf: [])
                member.name = Self.text(image["name"]) ?? ""
                member.department = Self.text(image["department"]) ?? ""
                member.isAdministrator = Self.integer(image["is_administrator"]) == 1
                staff[login] = member
            } else {
                staff[login] = nil
            }
        case "staff_reviewer":
            let department = image.key.count > 1 ? Self.text(image.key[1]) ?? "" : ""
            guard var member = staff[login] else { return }
            member.reviewerOf.removeAll { $0 == department }
            if image.row != nil { member.reviewerOf.append(department) }
            staff[login] = member
        case "application":
            guard let id = image.key.first.flatMap(Self.integer) else { return }
            guard image.row != nil else { forms[id] = nil; return }
            var facts = forms[id] ?? FormFacts()
            facts.applicant = Self.text(image["applicant"]) ?? ""
            facts.answersText = Self.text(image["answers"])
            facts.status = Self.text(image["status"]) ?? ""
            facts.department = Self.text(image["department"]) ?? ""
            let answers = Self.answers(image["answers"])
            facts.departmentHead = answers?[ApplicationFields.departmentHead]?.person ?? NamedPerson(name: "", login: nil)
            facts.manager = answers?[ApplicationFields.serviceManager]?.person?.login
            forms[id] = facts
        case "application_editor", "termination_editor":
            guard let id = image.key.first.flatMap(Self.integer), image.key.count > 1, let editor = Self.text(image.key[1]) else { return }
            var facts = forms[id] ?? FormFacts()
            if image.table == "application_editor" {
                if image.row != nil { facts.editors.insert(editor) } else { facts.editors.remove(editor) }
            } else {
                if image.row != nil { facts.terminationEditors.insert(editor) } else { facts.terminationEditors.remove(editor) }
            }
            forms[id] = facts
        case "termination":
            guard let id = image.key.first.flatMap(Self.integer), image.row != nil else { return }
            var facts = forms[id] ?? FormFacts()
            facts.terminationApplicant = Self.text(image["applicant"]) ?? ""
            facts.terminationHead = Self.answers(image["answers"])?[TerminationFields.departmentHead]?.person ?? NamedPerson(name: "", login: nil)
            forms[id] = facts
        default: return
        }
    }

    // MARK: The store against the log

    func compare(_ db: any SQLSession) throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        var unseen = expected
        for table in RecordTable.all {
            try db.each(sql: "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name)") { row in
                let cells = row.values.map(Cell.init)
                let key = table.key.map { cells[table.columns.firstIndex(of: $0)!] }
                let address = RowImage(table: table.name, key: key, row: nil).address
                guard let wanted = unseen.removeValue(forKey: address) else {
                    findings.append(AuditFinding(.rowNotInLog, sequence: nil, subject: address))
                    return
                }
                if wanted.digest != RowImage.digest(cells) {
                    findings.append(AuditFinding(.rowNotInLog, sequence: wanted.sequence, subject: address))
                }
            }
        }
        for (address, wanted) in unseen.sorted(by: { $0.value.sequence < $1.value.sequence }) {
            findings.append(AuditFinding(.rowMissing, sequence: wanted.sequence, subject: address))
        }
        return findings
    }

    /// The application a decision or an acknowledgement belongs to.
    static func applicationID(of image: RowImage) -> Int64? {
        switch image.table {
        case "decision": return image.row == nil ? nil : integer(image["application_id"])
        case "acknowledgement": return image.key.first.flatMap(integer)
        default: return nil
        }
    }

    static func text(_ cell: Cell) -> String? {
        if case .text(let text) = cell { return text }
        return nil
    }

    static func integer(_ cell: Cell) -> Int64? {
        if case .integer(let number) = cell { return number }
        return nil
    }

    static func answers(_ cell: Cell) -> Answers? {
        text(cell).flatMap { try? JSONDecoder().decode(Answers.self, from: Data($0.utf8)) }
    }
}
