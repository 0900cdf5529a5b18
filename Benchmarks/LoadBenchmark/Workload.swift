import Foundation

/// Before the run: every person files one application, which is double-checked and then
/// acknowledged by its service manager, each step by everyone at once (not measured).
enum Seeding {
    static func seed(_ acts: Acts) throws {
        let people = acts.village.people
        Together.run(people.count) { index in acts.apply(people[index]) }
        Together.run(people.count) { index in
            while acts.review(people[index]) {}
        }
        Together.run(people.count) { index in
            while acts.acknowledge(people[index]) {}
        }
        let failed = acts.tally.snapshot.filter { $0.status != 0 }
        if !failed.isEmpty {
            throw Failure("setup acts failed: " + failed.map { "\($0.kind) \($0.login) exit \($0.status): \($0.said ?? "")" }.joined(separator: "; "))
        }
    }
}

/// The run: each person acts one act after another, without pause, until the time is up.
enum Workload {
    static func run(_ acts: Acts, seconds: Double, writersOnly: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        let people = acts.village.people
        Together.run(people.count) { index in
            let person = people[index]
            var random = Random(state: 2026_1207 &+ UInt64(index))
            while Date() < deadline {
                // 60 : 25 : 15; without reads, 25 : 15.
                let roll = writersOnly ? 0.60 + random.unit() * 0.40 : random.unit()
                if roll < 0.60 {
                    acts.read(person, &random)
                } else if roll < 0.85 {
                    write(acts, person, &random)
                } else {
                    procedure(acts, person, &random)
                }
            }
        }
    }

    /// A duty record mostly, now and then a stop; the administrator's directory updates.
    private static func write(_ acts: Acts, _ person: Person, _ random: inout Random) {
        let pick = random.unit()
        if pick < 0.15, acts.directory(person) { return }
        if pick < 0.25, acts.stop(person) { return }
        if acts.recordDuty(person) { return }
        // Nothing of theirs in use: a service of their own to look after later.
        acts.apply(person)
    }

    /// A double check or an acknowledgement when one waits for this person, else an application.
    private static func procedure(_ acts: Acts, _ person: Person, _ random: inout Random) {
        switch random.int(0..<3) {
        case 0: if acts.review(person) { return }
        case 1: if acts.acknowledge(person) { return }
        default: break
        }
        acts.apply(person)
    }
}

/// Runs `body` for each index on a thread of its own, all at once, and waits for them all.
/// (`DispatchQueue.concurrentPerform` runs only as many at once as there are cores: two people,
/// not forty.)
enum Together {
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                body(index)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
    }
}
