import Foundation
import PrivateServer

/// The acts a person does, each a whole `yakkan` process, recorded in a tally.
struct Acts {
    let village: Village
    let ledger: Ledger
    let tally: Tally

    private func record(_ kind: String, _ person: Person, _ ran: Ran, action: String?, filed: Int64? = nil) {
        let said = ran.status == 0 ? nil : ran.output.split(separator: "\n").last.map(String.init)
        var act = Tally.Act(kind: kind, login: person.login, status: ran.status, milliseconds: ran.milliseconds,
                            action: ran.status == 0 ? action : nil, filed: filed, said: said)
        act.kept = ran.output.components(separatedBy: "this answer is kept").count - 1
        tally.add(act)
    }

    private func run(_ arguments: [String], _ person: Person, input: String = "") -> Ran {
        Child.run(village.yakkan, arguments, as: person, input: input, in: village.folder)
    }

    // MARK: Reads

    func read(_ person: Person, _ random: inout Random) {
        switch random.int(0..<3) {
        case 0: record("list", person, run(["list", "--limit", "50"], person), action: nil)
        case 1: record("show", person, run(["show", "\(random.int(1..<max(2, village.seeded + 1)))"], person), action: nil)
        default: record("due", person, run(["due"], person), action: nil)
        }
    }

    // MARK: Writes

    /// An application of 43 answers, its service managed by the next person of the department.
    @discardableResult
    func apply(_ person: Person) -> Int64? {
        let colleagues = village.people.filter { $0.department == person.department && $0.login != person.login }
        guard colleagues.count >= 2 else { return nil }
        let offset = person.login.utf8.reduce(0) { $0 &+ Int($1) } % colleagues.count
        let manager = colleagues[offset], head = colleagues[(offset + 1) % colleagues.count]
        let tag = ledger.nextTag(person.login)
        let ran = run(["apply", "--bail"], person, input: Answers.application(by: person, manager: manager, head: head, tag: tag))
        let id = ran.output.firstMatch(of: #/Submitted as application (\d+)\./#).flatMap { Int64($0.1) }
        record("apply (43 answers)", person, ran, action: "submit", filed: ran.status == 0 ? id : nil)
        guard ran.status == 0, let id else { return nil }
        ledger.filed(Ledger.Service(id: id, department: person.department, applicant: person.login, manager: manager.login, head: head.login))
        return id
    }

    func review(_ person: Person) -> Bool {
        guard village.isReviewer(person), let service = ledger.toReview(by: person) else { return false }
        let ran = run(["review", "\(service.id)", "--bail"], person, input: Answers.approval)
        record("review (double check)", person, ran, action: "decide-approved")
        ledger.put(service, ran.status == 0 ? .approved : .submitted)
        return true
    }

    func acknowledge(_ person: Person) -> Bool {
        guard let service = ledger.toAcknowledge(by: person) else { return false }
        let ran = run(["acknowledge", "\(service.id)", "--bail"], person, input: Answers.acknowledgement)
        record("acknowledge", person, ran, action: "acknowledge-risks")
        ledger.put(service, ran.status == 0 ? .inUse : .approved)
        return true
    }

    /// A monthly backup recorded (the duty every service in use has).
    func recordDuty(_ person: Person) -> Bool {
        guard let service = ledger.inUse(managedBy: person) else { return false }
        let ran = run(["record", "\(service.id)", "backup", "--bail"], person, input: Answers.backup)
        record("record (duty)", person, ran, action: "duty-backup")
        ledger.put(service, .inUse)
        return true
    }

    func stop(_ person: Person) -> Bool {
        guard let service = ledger.inUse(managedBy: person) else { return false }
        let ran = run(["stop", "\(service.id)", "--reason", "Load test"], person, input: "y\n")
        record("stop", person, ran, action: "stop")
        ledger.put(service, ran.status == 0 ? .gone : .inUse)
        return true
    }

    /// A directory update by its administrator: a new member of staff.
    func directory(_ person: Person) -> Bool {
        guard person.login == village.people[0].login else { return false }
        let login = "new" + ledger.nextTag("").replacingOccurrences(of: "-", with: "")
        let ran = run(["staff", "add", login, "--name", "Newcomer \(login)", "--department", person.department], person)
        record("staff add (directory)", person, ran, action: "staff-add")
        return true
    }
}

/// Reproducible randomness per person.
typealias Random = SplitMix64
