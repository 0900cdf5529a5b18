import Core
import Foundation
import GRDB

/// The village's lifetime as people live it, in the order they live it: the directory, then
/// every service applied for, double-checked, acknowledged, kept with its monthly and quarterly
/// duties, and stopped or ended, each step a command signed by its actor on its own day and
/// decided by `Decide`, as `yakkan` records it. The services' lives overlap, so the steps of
/// all of them are put in the order of their times first (verify names an entry dated well
/// before the entries ahead of it). Commands go in transactions of a few thousand (each still
/// its own signed entry), the only liberty taken with a real village, where each is a
/// transaction of its own.
///
/// With `resumingWith` (the keys of the stopped fill), a store whose fill was stopped goes on from
/// the first step it does not hold: the plans are drawn again from the same seed, and the steps
/// the log already holds (every entry but the directory's and the keys') are skipped. A fill of
/// 100,000 services takes longer than a sitting.
func fillLifetime(path: String, folder: String, resumingWith keys: String? = nil) throws {
    let keyRing = KeyRing(folder: keys ?? folder + "/keys", scope: .everyone)
    let done = try keys.map { _ in
        try DatabaseQueue(path: path).read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM audit WHERE action NOT IN ('staff-add', 'key-vouch', 'key')") ?? 0
        }
    } ?? 0
    let store = try SQLiteStore(path: path, workingDirectory: folder, clock: clock, keyRing: keyRing)
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
    if keys == nil { try act(.addStaff(StaffEntry(login: benchmarkLogin, name: "管理 担当", department: "総務課")), by: benchmarkLogin, at: founded) }
    // Two 利用責任者 in each 課, then everyone else.
    var reviewers: [String: [(login: String, name: String)]] = [:]
    for (index, person) in people.enumerated() {
        let department = departments[index % departments.count]
        let reviews = index < 2 * departments.count
        if reviews { reviewers[department, default: []].append(person) }
        guard keys == nil else { continue }
        try act(.addStaff(StaffEntry(login: person.login, name: person.name, department: department, reviewerOf: reviews ? [department] : nil)),
                by: benchmarkLogin, at: founded)
    }
    // Nobody of the village has an account on the machine that runs the benchmark: the
    // administrator vouches for each key, as `yakkan staff vouch` does.
    for person in people where keys == nil {
        try act(.vouchKey(login: person.login, publicKey: try keyRing.signer(for: person.login).publicKey), by: benchmarkLogin, at: founded)
    }
    try flush()
    let files = try LifetimeFiles(store: store, folder: folder)
    let plans = (0..<applicationCount).map { ServicePlan(number: $0, reviewers: reviewers) }
    var steps: [Step] = []
    for plan in plans { plan.steps(into: &steps) }
    steps.sort()
    log("Planned \(applicationCount) services: \(steps.count) steps" + (done > 0 ? ", \(done) of them done before" : ""))
    var ids = [Int64](repeating: 0, count: plans.count)
    var nextID: Int64 = 1
    var duties = 0
    for (index, step) in steps.enumerated() {
        let plan = plans[Int(step.service)]
        let at = stamp(step.day, hour: Int(step.hour))
        if step.what == .submit {
            ids[plan.number] = nextID
            nextID += 1
        }
        let id = ids[plan.number]
        if index < done {
            if case .duty = step.what { duties += 1 }
            continue
        }
        switch step.what {
        case .submit:
            try act(.submitApplication(Core.Command.Submission(answers: plan.answers(files), correcting: nil, procedureVersion: "1.0")),
                    by: plan.applicant.login, at: at)
        case .decide:
            var review: Answers = [ReviewFields.decision: .choice(plan.outcome), ReviewFields.businessNeed: .flag(true)]
            if plan.outcome != "approved" { review[ReviewFields.reason] = .text("利用規約の免責条項の確認資料を添付してください") }
            if plan.classification.needsExplicitPermission {
                review[ReviewFields.permitClassification] = .flag(true)
                review[ReviewFields.permitReason] = .text("業務上必要と認めるため")
            }
            try act(.decide(Core.Command.Review(application: id, form: .application, version: 1, answers: review)), by: plan.reviewer.login, at: at)
        case .acknowledge:
            try act(.acknowledgeRisks(application: id), by: plan.manager.login, at: at)
        case .duty(let kind):
            try act(.recordDuty(application: id, kind: kind, answers: dutyAnswers(kind, on: step.day)), by: plan.manager.login, at: at)
            duties += 1
        case .stop:
            try act(.stopService(application: id, reason: "海外のサーバ・ネットワークを経由することが判明したため（手順書6(2)）"),
                    by: plan.manager.login, at: at)
        case .terminate:
            try act(.submitTermination(application: id, answers: [
                TerminationFields.endDate: .date(plan.endedOn!), TerminationFields.reason: .text("利用期間の満了のため"),
            ]), by: plan.manager.login, at: at)
        case .confirmTermination:
            try act(.decide(Core.Command.Review(application: id, form: .termination, version: 1, answers: [
                ReviewFields.decision: .choice("confirmed"),
            ])), by: plan.terminationReviewer.login, at: at)
        }
        if (index + 1) % 20_000 == 0 {
            try flush()
            log("  \(index + 1) of \(steps.count) steps, \(commands) commands, \(String(format: "%.1f", Date().timeIntervalSince(fillStart))) s")
        }
    }
    try flush()
    for plan in plans { statusCounts[plan.status, default: 0] += 1 }
    dutyRows = duties
    log("Lived \(applicationCount) applications: \(commands) commands, \(duties) duty records")
}

/// One step of one service's life, small enough that the whole village's fit in memory to be
/// put in order (12 bytes and the day).
struct Step: Comparable {
    enum What: Comparable {
        case submit, decide, acknowledge, duty(DutyKind), stop, terminate, confirmTermination
    }
    let day: Day
    let hour: UInt8
    let service: Int32
    let what: What

    static func < (a: Step, b: Step) -> Bool {
        (a.day, a.hour, a.service) < (b.day, b.hour, b.service)
    }
}

extension DutyKind: Comparable {
    public static func < (a: DutyKind, b: DutyKind) -> Bool { a.rawValue < b.rawValue }
}

/// Everything drawn at random about one service, drawn once, so that its steps can be
/// written out of order and its commands made when their time comes.
struct ServicePlan {
    let number: Int
    let status: String
    let service: Service
    let department: String
    let applicant: (login: String, name: String)
    let manager: (login: String, name: String)
    let reviewer: (login: String, name: String)
    let terminationReviewer: (login: String, name: String)
    let users: [String]
    let classification: Classification
    let personal: Bool
    let submitted: Day
    let start: Day
    let end: Day
    let ageDays: Int
    let endedOn: Day?
    let stoppedOn: Day?
    let behind: Int
    var outcome: String { status == "returned" ? "returned" : status == "refused" ? "refused" : "approved" }

    static let statuses: [(String, Double)] = [
        ("in_use", 0.46), ("ended", 0.24), ("stopped", 0.03), ("submitted", 0.08), ("returned", 0.04), ("refused", 0.05), ("approved", 0.10),
    ]
    static let inUseLike = Set(["in_use", "ended", "stopped"])

    init(number: Int, reviewers: [String: [(login: String, name: String)]]) {
        self.number = number
        var roll = Double(random.int(0..<1_000_000)) / 1_000_000
        status = Self.statuses.first { roll -= $0.1; return roll < 0 }?.0 ?? "in_use"
        service = services[random.int(0..<services.count)]
        department = departments[random.int(0..<departments.count)]
        let applicant = people[random.int(0..<people.count)]
        let manager = people[random.int(0..<people.count)]
        self.applicant = applicant
        self.manager = manager
        users = (0..<random.int(1..<6)).map { _ in people[random.int(0..<people.count)].name }
        classification = random.chance(0.03) ? (random.chance(0.3) ? .one : .two) : (random.chance(0.5) ? .three : .four)
        personal = random.chance(0.3)
        // Ended services go back six years, so that some are past their retention.
        let inUseLike = Self.inUseLike.contains(status)
        ageDays = status == "ended" ? random.int(200..<2_200) : inUseLike ? random.int(40..<800) : random.int(1..<60)
        submitted = today.adding(days: -ageDays)
        start = submitted.adding(days: 7)
        end = start.adding(months: 12 + random.int(0..<24))
        // A 利用責任者 of the 課 who did not apply; for the termination, one who is not its manager.
        reviewer = reviewers[department]!.first { $0.login != applicant.login }!
        terminationReviewer = reviewers[department]!.first { $0.login != manager.login }!
        let inUseFrom = submitted.adding(days: 4)
        if status == "ended" {
            let used = max(30, min(ageDays - 20, random.int(60..<600)))
            endedOn = min(inUseFrom.adding(days: used), today.adding(days: -10))
        } else {
            endedOn = nil
        }
        stoppedOn = status == "stopped" ? max(inUseFrom.adding(days: 20), today.adding(days: -random.int(5..<200))) : nil
        // Some services fall behind with their duties.
        behind = status == "in_use" && random.chance(0.15) ? random.int(1..<5) : 0
    }

    func steps(into steps: inout [Step]) {
        let service = Int32(number)
        func step(_ day: Day, _ hour: UInt8, _ what: Step.What) { steps.append(Step(day: day, hour: hour, service: service, what: what)) }
        step(submitted, 1, .submit)
        guard status != "submitted" else { return }
        let decided = submitted.adding(days: 3)
        step(decided, 5, .decide)
        guard Self.inUseLike.contains(status) else { return }
        let inUseFrom = decided.adding(days: 1)
        step(inUseFrom, 1, .acknowledge)
        let activeUntil = endedOn ?? stoppedOn ?? today.adding(days: -1)
        // Monthly backups and confirmations, quarterly reviews.
        let lastDay = activeUntil.adding(months: -behind)
        var month = Day(year: inUseFrom.year, month: inUseFrom.month, day: 1)!.adding(months: 1)
        var draw = Random(state: UInt64(number) &* UInt64(0x9E37_79B9_7F4A_7C15))
        while month <= lastDay {
            for kind in [DutyKind.backup, .userConfirmation, .contentReview] {
                if kind == .contentReview && ![5, 8, 11, 2].contains(month.month) { continue }
                let day = Day(year: month.year, month: month.month, day: 10 + draw.int(0..<15))!
                guard day <= lastDay else { continue }
                step(day, 6, .duty(kind))
            }
            month = month.adding(months: 1)
        }
        // Stopped after the day's duties.
        if let stoppedOn { step(stoppedOn, 7, .stop) }
        if let endedOn {
            step(endedOn.adding(days: 3), 1, .terminate)
            step(endedOn.adding(days: 6), 5, .confirmTermination)
        }
    }

    func answers(_ files: LifetimeFiles) -> Answers {
        applicationAnswers(
            id: number, department: department, service: service, applicant: applicant.name,
            manager: NamedPerson(name: manager.name, login: manager.login), users: users,
            classification: classification, personal: personal, start: start, end: end, files: files)
    }
}

/// The attachments of the village's forms as real files in the store: each provider's terms,
/// and a screenshot of each kind of service's sign-up and HTTPS pages, so that verify finds
/// every file it is told of (a real village has one of each a service; these are shared).
struct LifetimeFiles {
    let terms: [Core.Attachment]
    let signup: [Core.Attachment]
    let https: [Core.Attachment]

    init(store: SQLiteStore, folder: String) throws {
        func ingest(_ name: String, _ content: String) throws -> Core.Attachment {
            try Data(content.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            return try store.intake.ingest(path: name).get()
        }
        terms = try providers.indices.map { try ingest("terms-\($0).pdf", "利用規約 \(providers[$0].name)") }
        signup = try kindsOfService.indices.map { try ingest("signup-\($0).png", "登録画面 \(kindsOfService[$0].0)") }
        https = try kindsOfService.indices.map { try ingest("https-\($0).png", "HTTPS \(kindsOfService[$0].0)") }
    }
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
