import Foundation

/// What a person types, line by line, for each interactive act (English prompts, --lang en).
enum Answers {
    /// The 43 answers of an application, then "y" to submit; `tag` makes its service's name
    /// unique, so the reconciliation finds it exactly once.
    static func application(by applicant: Person, manager: Person, head: Person, tag: String) -> String {
        let today = Self.day(0), end = Self.day(365)
        let checks = (1...8).flatMap { check in [check == 3 ? "na" : "yes", "", ""] }
        let lines = [
            applicant.name, applicant.department, "Load Provider", "Load Service " + tag,
            "Online storage that keeps files for the office and shares them by link.", "To share files with partner groups.",
            "memos, flyers", "IV", "no", "no", "\(applicant.name), \(manager.name)", today, end, manager.name, head.name,
            "Hand files over through the office file server", "signup.png", "terms.pdf",
        ] + checks + ["yes", "y"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A double check that agrees with the applicant on every check and approves.
    static let approval: String = {
        let checks = (1...8).flatMap { check in [check == 3 ? "na" : "yes", ""] }
        return (checks + ["yes", "approve", "", "y"]).joined(separator: "\n") + "\n"
    }()

    /// The service manager's four risks understood, then "y".
    static let acknowledgement = "yes\nyes\nyes\nyes\ny\n"

    /// A monthly backup recorded as done today (the date's default), then "y".
    static let backup = "\nAll files of the shared folder\nThe office file server\ny\n"

    static func day(_ offset: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Tokyo")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(offset) * 86_400))
    }
}
