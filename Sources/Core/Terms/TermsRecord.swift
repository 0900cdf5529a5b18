import Foundation

/// How a terms check is kept: a duty record of its own kind (`terms_check`, 6(1)) whose answers
/// hold each address's result, so that it is signed, projected and verified as every duty is
/// and needs no table of its own on either store.
public enum TermsRecord {
    static func key(_ index: Int, _ name: String) -> String { "terms.\(index + 1).\(name)" }

    public struct Result: Sendable, Equatable {
        public let address: String
        public let origin: String
        public let outcome: TermsOutcome
        public let textSHA256: String?
        public let sourceSHA256: String?
        public let text: String?
        public let diff: [String]
        public let failure: TermsFailure?
        public let day: Day
    }

    static func answers(_ results: [Result], day: Day) -> Answers {
        var answers: Answers = [DutyFields.doneOn: .date(day)]
        for (index, result) in results.enumerated() {
            answers[key(index, "address")] = .text(result.address)
            answers[key(index, "origin")] = .text(result.origin)
            answers[key(index, "outcome")] = .choice(result.outcome.rawValue)
            if let hash = result.textSHA256 { answers[key(index, "sha256")] = .text(hash) }
            if let hash = result.sourceSHA256 { answers[key(index, "source_sha256")] = .text(hash) }
            if let text = result.text { answers[key(index, "text")] = .text(text) }
            if !result.diff.isEmpty { answers[key(index, "diff")] = .text(result.diff.joined(separator: "\n")) }
            if let failure = result.failure, let json = try? JSONEncoder().encode(failure) {
                answers[key(index, "failure")] = .text(String(decoding: json, as: UTF8.self))
            }
        }
        return answers
    }

    /// The results of one recorded check, in the order of its addresses.
    public static func results(of record: DutyRecord) -> [Result] {
        var results: [Result] = []
        var index = 0
        while let address = record.answers[key(index, "address")]?.text {
            let a = record.answers
            let failure = a[key(index, "failure")]?.text.flatMap { try? JSONDecoder().decode(TermsFailure.self, from: Data($0.utf8)) }
            results.append(Result(
                address: address, origin: a[key(index, "origin")]?.text ?? "",
                outcome: TermsOutcome(rawValue: a[key(index, "outcome")]?.choice ?? "") ?? .unreachable,
                textSHA256: a[key(index, "sha256")]?.text, sourceSHA256: a[key(index, "source_sha256")]?.text,
                text: a[key(index, "text")]?.text,
                diff: a[key(index, "diff")]?.text.map { $0.components(separatedBy: "\n") } ?? [], failure: failure, day: record.doneOn))
            index += 1
        }
        return results
    }

    /// Every result of the service's checks, oldest first.
    public static func history(_ application: ApplicationRecord) -> [Result] {
        application.dutyRecords.filter { $0.kind == .termsCheck }.flatMap(results)
    }

    /// The text each address is compared with: the one kept at approval, or the newest after a
    /// change was reported.
    public static func kept(_ application: ApplicationRecord, address: String) -> (text: String, sha256: String)? {
        history(application).last { $0.address == address && $0.text != nil && $0.textSHA256 != nil }
            .map { ($0.text!, $0.textSHA256!) }
    }

    /// The newest result of each address, in the order they were last checked.
    public static func latest(_ application: ApplicationRecord) -> [Result] {
        var seen = Set<String>()
        return history(application).reversed().filter { seen.insert($0.address).inserted }.reversed()
    }

    /// Whether the address was fetched on `day` for any of `applications`: a page is asked for
    /// once a day, whatever number of services name it.
    public static func fetched(_ address: String, on day: Day, among applications: [ApplicationRecord]) -> Result? {
        applications.lazy.flatMap(history).last { $0.address == address && $0.day == day && $0.origin == TermsObservation.fetched }
    }
}
