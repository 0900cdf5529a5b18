import Core
import Foundation

/// The village's lifetime as people live it: the directory, then each service applied for,
/// double-checked, acknowledged, kept with its monthly and quarterly duties, and stopped or
/// ended, every step a command signed by its actor and decided by `Decide`, as `yakkan` records
/// it. Commands go in transactions of a few thousand (each still its own signed entry), the
/// only liberty taken with a real village, where each is a transaction of its own.
func fillLifetime(path: String, folder: String) throws {
    let store = try SQLiteStore(
        path: path, workingDirectory: folder, clock: clock, keyRing: KeyRing(folder: folder + "/keys", scope: .everyone))
    var acts: [Act] = []
    var commands = 0
    func act(_ command: Core.Command, by actor: String, at: String) throws {
        acts.append(Act(command, by: actor, at: at))
        if acts.count >= 2_000 { try flush() }
    }
    func flush() throws {
        _ = try store.perform(acts)
        commands += acts.count
        acts = []
    }
    let founded = "2019-04-01T00:00:00Z"
    try act(.addStaff(StaffEntry(login: benchmarkLogin, name: "管理 担当", department: "総務課")), by: benchmarkLogin, at: founded)
    // Two 利用責任者 in each 課, then everyone else.
    var reviewers: [String: [(login: String, name: String)]] = [:]
    for (index, person) in people.enumerated() {
        let department = departments[index % departments.count]
        let reviews = index < 2 * departments.count
        if reviews { reviewers[department, default: []].append(person) }
        try act(.addStaff(StaffEntry(login: person.login, name: person.name, department: department, reviewerOf: reviews ? [department] : nil)),
                by: benchmarkLogin, at: founded)
    }
    let statuses: [(String, Double)] = [
        ("in_use", 0.46), ("ended", 0.24), ("stopped", 0.03), ("submitted", 0.08), ("returned", 0.04), ("refused", 0.05), ("approved", 0.10),
    ]
    let inUseLike = Set(["in_use", "ended", "stopped"])
    var duties = 0
    for id in 1...applicationCount {
        var roll = Double(random.int(0..<1_000_000)) / 1_000_000
        let status = statuses.first { roll -= $0.1; return roll < 0 }?.0 ?? "in_use"
        statusCounts[status, default: 0] += 1
        let service = services[random.int(0..<services.count)]
        let department = departments[random.int(0..<departments.count)]
        let applicant = people[random.int(0..<people.count)]
        let manager = people[random.int(0..<people.count)]
        let users = (0..<random.int(1..<6)).map { _ in people[random.int(0..<people.count)].name }
        let classification: Classification = random.chance(0.03) ? (random.chance(0.3) ? .one : .two) : (random.chance(0.5) ? .three : .four)
        let personal = random.chance(0.3)
        // Ended services go back six years, so that some are past their retention.
        let ageDays = status == "ended" ? random.int(200..<2_200) : inUseLike.contains(status) ? random.int(40..<800) : random.int(1..<60)
        let submitted = today.adding(days: -ageDays)
        let start = submitted.adding(days: 7)
        let end = start.adding(months: 12 + random.int(0..<24))
        let answers = applicationAnswers(
            id: id, department: department, service: service, applicant: applicant.name,
            manager: NamedPerson(name: manager.name, login: manager.login), users: users,
            classification: classification, personal: personal, start: start, end: end)
        try act(.submitApplication(Core.Command.Submission(answers: answers, correcting: nil, procedureVersion: "1.0")),
                by: applicant.login, at: stamp(submitted))
        guard status != "submitted" else { continue }
        // A 利用責任者 of the 課 who did not apply.
        let reviewer = reviewers[department]!.first { $0.login != applicant.login }!
        let decided = submitted.adding(days: 3)
        let outcome = status == "returned" ? "returned" : status == "refused" ? "refused" : "approved"
        var review: Answers = [ReviewFields.decision: .choice(outcome), ReviewFields.businessNeed: .flag(true)]
        if outcome != "approved" { review[ReviewFields.reason] = .text("利用規約の免責条項の確認資料を添付してください") }
        if classification.needsExplicitPermission {
            review[ReviewFields.permitClassification] = .flag(true)
            review[ReviewFields.permitReason] = .text("業務上必要と認めるため")
        }
        try act(.decide(Core.Command.Review(application: Int64(id), form: .application, version: 1, answers: review)),
                by: reviewer.login, at: stamp(decided, hour: 5))
        guard inUseLike.contains(status) else { continue }
        let inUseFrom = decided.adding(days: 1)
        try act(.acknowledgeRisks(application: Int64(id)), by: manager.login, at: stamp(inUseFrom))
        var activeUntil = today.adding(days: -1)
        var endedOn: Day?
        var stoppedOn: Day?
        if status == "ended" {
            let used = max(30, min(ageDays - 20, random.int(60..<600)))
            endedOn = min(inUseFrom.adding(days: used), today.adding(days: -10))
            activeUntil = endedOn!
        }
        if status == "stopped" {
            stoppedOn = max(inUseFrom.adding(days: 20), today.adding(days: -random.int(5..<200)))
            activeUntil = stoppedOn!
        }
        // Monthly backups and confirmations, quarterly reviews; some services fall behind.
        let behind = status == "in_use" && random.chance(0.15) ? random.int(1..<5) : 0
        let lastDay = activeUntil.adding(months: -behind)
        var month = Day(year: inUseFrom.year, month: inUseFrom.month, day: 1)!.adding(months: 1)
        while month <= lastDay {
            for kind in [DutyKind.backup, .userConfirmation, .contentReview] {
                if kind == .contentReview && ![5, 8, 11, 2].contains(month.month) { continue }
                let day = Day(year: month.year, month: month.month, day: 10 + random.int(0..<15))!
                guard day <= lastDay else { continue }
                try act(.recordDuty(application: Int64(id), kind: kind, answers: dutyAnswers(kind, on: day)),
                        by: manager.login, at: stamp(day, hour: 6))
                duties += 1
            }
            month = month.adding(months: 1)
        }
        if let stoppedOn {
            try act(.stopService(application: Int64(id), reason: "海外のサーバ・ネットワークを経由することが判明したため（手順書6(2)）"),
                    by: manager.login, at: stamp(stoppedOn))
        }
        if let endedOn {
            // The termination form is the manager's: a 利用責任者 of the 課 other than them checks it. The
            // application's reviewer, when they were also the manager, was refused as checking their own
            // form, and the fill stopped there (after 2,263 services).
            let terminationReviewer = reviewers[department]!.first { $0.login != manager.login }!
            try act(.submitTermination(application: Int64(id), answers: [
                TerminationFields.endDate: .date(endedOn), TerminationFields.reason: .text("利用期間の満了のため"),
            ]), by: manager.login, at: stamp(endedOn.adding(days: 3)))
            try act(.decide(Core.Command.Review(application: Int64(id), form: .termination, version: 1, answers: [
                ReviewFields.decision: .choice("confirmed"),
            ])), by: terminationReviewer.login, at: stamp(endedOn.adding(days: 6), hour: 5))
        }
        if id % 2_000 == 0 {
            try flush()
            log("  \(id) applications, \(duties) duty records, \(commands) commands, \(String(format: "%.1f", Date().timeIntervalSince(fillStart))) s")
        }
    }
    try flush()
    dutyRows = duties
    log("Lived \(applicationCount) applications: \(commands) commands, \(duties) duty records")
}

func dutyAnswers(_ kind: DutyKind, on day: Day) -> Answers {
    switch kind {
    case .backup:
        return [DutyFields.doneOn: .date(day), DutyFields.backupWhat: .text("共有フォルダ内の全ファイル"), DutyFields.backupWhere: .text("庁内ファイルサーバ ¥¥fs01¥backup")]
    case .userConfirmation:
        return [DutyFields.doneOn: .date(day), DutyFields.user(0): .flag(true), DutyFields.user(1): .flag(true)]
    default:
        return [DutyFields.doneOn: .date(day), DutyFields.changed: .flag(false), DutyFields.termsChanged: .flag(false),
                DutyFields.securityChanged: .flag(false), DutyFields.overseas: .flag(false), DutyFields.note: .skipped]
    }
}

func stamp(_ day: Day, hour: Int = 1) -> String { day.iso + "T0\(hour):00:00Z" }
