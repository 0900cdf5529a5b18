import Core
import Foundation
import GRDB

/// One thing a person does, timed as a whole process of `yakkan`, beside what the sqlite3 shell
/// does for the same answer on the same file (`sqlite` is its arguments after the file), if
/// anything does the same; on a server, beside psql running the same SQL, or `postgres` where
/// PostgreSQL's differs. Adding a measured command is adding one entry to `measurements`.
struct Measurement {
    let name: String
    let yakkan: [String]
    var sqlite: [String]?
    var postgres: PostgresBaseline = .sameSQL
    /// A file piped into yakkan.
    var input: String?
    /// Another store than the benchmark's (the empty one).
    var store: String?
    var goal: Goal
}

/// What psql runs for a measurement on the server.
enum PostgresBaseline {
    /// sqlite3's SQL, which PostgreSQL reads alike.
    case sameSQL
    case sql(String)
    /// Nothing psql does is the same.
    case none
}

enum Goal {
    /// yakkan within this many times sqlite3's time, measured pair by pair.
    case ratio(Double)
    /// As `ratio`, and at most this many megabytes resident.
    case ratioAndMemory(Double, Double)
    case none

    var text: String {
        switch self {
        case .ratio(let r): return "≤ \(format(r))×"
        case .ratioAndMemory(let r, let mb): return "≤ \(format(r))×, ≤ \(Int(mb)) MB"
        case .none: return "—"
        }
    }
}

func format(_ value: Double) -> String { value >= 100 ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.2f", value) }

let listColumns = "id, status, department, provider, service, applicant_name, submitted_on, period_start, period_end, classification, personal_information, user_count, service_manager, department_head, latest_outcome, decided_on"

/// The SQL of a list filtered by `condition`, first 50 in id order.
func first50SQL(_ condition: String?) -> String {
    "SELECT \(listColumns) FROM application" + (condition.map { " WHERE " + $0 } ?? "") + " ORDER BY id LIMIT 50"
}

/// What the sqlite3 shell runs for a list filtered by `condition`, first 50 in id order.
func first50(_ condition: String?) -> [String] { [first50SQL(condition)] }

/// The server's search tables as its store asks them (SQLStore+Ledger): longer text by ILIKE on
/// `ledger_text` (pg_trgm's index), one or two characters as a lexeme of `ledger_short_text`.
func serverTextSearch(_ text: String) -> PostgresBaseline {
    .sql(first50SQL(text.count >= 3
        ? "id IN (SELECT rowid FROM ledger_text WHERE content ILIKE '%\(text)%')"
        : "id IN (SELECT rowid FROM ledger_short_text WHERE lexemes @@ CAST('''\(text)''' AS tsquery))"))
}

/// The rows a whole village's schedule is read from: what the store keeps of each service in
/// these statuses, and each duty's earliest open due.
func scheduleSQL(_ statuses: String) -> String {
    """
    SELECT a.id, a.applicant, a.status, a.submitted_at, a.department, a.service, a.service_manager, a.manager_key,
    a.period_start, a.period_end, d.kind, d.due_on FROM application a LEFT JOIN duty_due d ON d.application_id = a.id
    WHERE a.status IN (\(statuses)) ORDER BY a.id, d.kind
    """
}

func measurements(today: String, emptyStore: String, longLine: String, shellInput: String) -> [Measurement] {
    [
        Measurement(name: "audit verify: integrity check, chain, signatures, every record and attachment", yakkan: ["audit", "verify"],
                    sqlite: ["PRAGMA integrity_check"], postgres: .none, goal: .none),
        // After the whole verify above kept its rebuild: nothing appended since, so this is what
        // going on costs by itself (reading the kept point, the keys, the working state).
        Measurement(name: "audit verify --incremental, nothing appended since the last clean verify",
                    yakkan: ["audit", "verify", "--incremental"], sqlite: ["SELECT max(sequence) FROM audit"], postgres: .none, goal: .none),
        Measurement(name: "start to the first prompt, empty store", yakkan: ["menu"], sqlite: [".quit"], store: emptyStore, goal: .ratio(2)),
        Measurement(name: "start to the first prompt, 100,000 services", yakkan: ["menu"], sqlite: [".quit"], goal: .ratio(2)),
        Measurement(name: "list --limit 50", yakkan: ["list", "--limit", "50"], sqlite: first50(nil), goal: .ratio(2)),
        Measurement(name: "list --status in_use --limit 50", yakkan: ["list", "--status", "in_use", "--limit", "50"],
                    sqlite: first50("status = 'in_use'"), goal: .ratio(2)),
        Measurement(name: "list --status submitted --limit 50", yakkan: ["list", "--status", "submitted", "--limit", "50"],
                    sqlite: first50("status = 'submitted'"), goal: .ratio(2)),
        Measurement(name: "list --課 住民課 --limit 50", yakkan: ["list", "--department", "住民課", "--limit", "50"],
                    sqlite: first50("department = '住民課'"), goal: .ratio(2)),
        Measurement(name: "list --provider クラウド --limit 50", yakkan: ["list", "--provider", "クラウド", "--limit", "50"],
                    sqlite: first50("provider LIKE '%クラウド%'"), postgres: .sql(first50SQL("provider ILIKE '%クラウド%'")), goal: .ratio(2)),
        Measurement(name: "list --service 'フォーム ビジネス' --limit 50", yakkan: ["list", "--service", "フォーム ビジネス", "--limit", "50"],
                    sqlite: first50("service LIKE '%フォーム ビジネス%'"),
                    postgres: .sql(first50SQL("service ILIKE '%フォーム ビジネス%'")), goal: .ratio(2)),
        Measurement(name: "list --class Ⅰ,Ⅱ --limit 50", yakkan: ["list", "--class", "Ⅰ,Ⅱ", "--limit", "50"],
                    sqlite: first50("classification IN (1, 2)"), goal: .ratio(2)),
        Measurement(name: "list --overdue --limit 50", yakkan: ["list", "--overdue", "--limit", "50"],
                    // The same rows as yakkan's: a service past its approved period, with no
                    // termination filed, is overdue too (TodayList.periodEnding).
                    sqlite: first50("""
                        (status = 'in_use' AND (period_end IS NULL OR period_end >= '\(today)')
                        AND id IN (SELECT application_id FROM duty_due WHERE due_on < '\(today)'))
                        OR (status IN ('in_use', 'stopped') AND period_end < '\(today)'
                        AND id NOT IN (SELECT application_id FROM termination WHERE status <> 'returned'))
                        """), goal: .ratio(2)),
        Measurement(name: "list --retention-passed --limit 50", yakkan: ["list", "--retention-passed", "--limit", "50"],
                    sqlite: first50("keep_until < '\(today)'"), goal: .ratio(2)),
        Measurement(name: "list --personal yes --limit 50", yakkan: ["list", "--personal", "yes", "--limit", "50"],
                    sqlite: first50("personal_information = 1"), goal: .ratio(2)),
        Measurement(name: "list --approved 2026-01-01..2026-01-31 --limit 50", yakkan: ["list", "--approved", "2026-01-01..2026-01-31", "--limit", "50"],
                    sqlite: first50("approved_on BETWEEN '2026-01-01' AND '2026-01-31'"), goal: .ratio(2)),
        Measurement(name: "list --search 避難行動要支援者 --limit 50", yakkan: ["list", "--search", "避難行動要支援者", "--limit", "50"],
                    sqlite: first50("id IN (SELECT rowid FROM ledger_text WHERE ledger_text MATCH '\"避難行動要支援者\"')"),
                    postgres: serverTextSearch("避難行動要支援者"), goal: .ratio(2)),
        Measurement(name: "list --search 返礼品 --limit 50", yakkan: ["list", "--search", "返礼品", "--limit", "50"],
                    sqlite: first50("id IN (SELECT rowid FROM ledger_text WHERE ledger_text MATCH '\"返礼品\"')"),
                    postgres: serverTextSearch("返礼品"), goal: .ratio(2)),
        Measurement(name: "list --search 名簿 --limit 50 (2 characters)", yakkan: ["list", "--search", "名簿", "--limit", "50"],
                    sqlite: first50("id IN (SELECT rowid FROM ledger_short_text WHERE ledger_short_text MATCH '\"名簿\"')"),
                    postgres: serverTextSearch("名簿"), goal: .ratio(2)),
        Measurement(name: "list --search 課 --limit 50 (1 character)", yakkan: ["list", "--search", "課", "--limit", "50"],
                    sqlite: first50("id IN (SELECT rowid FROM ledger_short_text WHERE ledger_short_text MATCH '\"課\"')"),
                    postgres: serverTextSearch("課"), goal: .ratio(2)),
        Measurement(name: "list --status in_use --課 住民課 --personal yes --limit 50",
                    yakkan: ["list", "--status", "in_use", "--department", "住民課", "--personal", "yes", "--limit", "50"],
                    sqlite: first50("status = 'in_use' AND department = '住民課' AND personal_information = 1"), goal: .ratio(2)),
        Measurement(name: "query shell: list status=in_use limit=50", yakkan: ["query"], sqlite: first50("status = 'in_use'"),
                    input: shellInput, goal: .ratio(2)),
        Measurement(name: "list --format csv (every service)", yakkan: ["list", "--format", "csv"],
                    sqlite: ["-csv", "-header", "SELECT \(listColumns) FROM application ORDER BY id"], goal: .ratioAndMemory(2, 50)),
        Measurement(name: "list --status in_use --format csv", yakkan: ["list", "--status", "in_use", "--format", "csv"],
                    sqlite: ["-csv", "-header", "SELECT \(listColumns) FROM application WHERE status = 'in_use' ORDER BY id"], goal: .ratioAndMemory(2, 50)),
        Measurement(name: "list --format json (every service, every field and duty record)", yakkan: ["list", "--format", "json"],
                    sqlite: ["-json", """
                        SELECT a.*, (SELECT json_group_array(json_object('kind', kind, 'done_on', done_on, 'answers', json(answers),
                        'recorded_by', recorded_by, 'recorded_at', recorded_at)) FROM duty_record WHERE application_id = a.id) AS duty_records,
                        (SELECT json_group_array(json_object('outcome', outcome, 'reviewer', reviewer, 'answers', json(answers)))
                        FROM decision WHERE application_id = a.id) AS decisions FROM application a ORDER BY id
                        """],
                    postgres: .sql("""
                        SELECT row_to_json(r) FROM (SELECT a.*, (SELECT json_agg(json_build_object('kind', kind, 'done_on', done_on,
                        'answers', answers::json, 'recorded_by', recorded_by, 'recorded_at', recorded_at)) FROM duty_record
                        WHERE application_id = a.id) AS duty_records, (SELECT json_agg(json_build_object('outcome', outcome,
                        'reviewer', reviewer, 'answers', answers::json)) FROM decision WHERE application_id = a.id) AS decisions
                        FROM application a ORDER BY id) r
                        """), goal: .ratioAndMemory(2, 50)),
        Measurement(name: "list (table of every service)", yakkan: ["list"],
                    sqlite: ["-column", "SELECT id, department, provider, service, status, submitted_on, period_start, period_end FROM application ORDER BY id"],
                    goal: .none),
        // The baselines read the rows yakkan reads for these: each service's schedule columns and
        // the due its store keeps for each duty (duty_due), not the duty records.
        Measurement(name: "due --all", yakkan: ["due", "--all"], sqlite: [scheduleSQL("'submitted', 'in_use', 'stopped'")], goal: .ratioAndMemory(2, 50)),
        Measurement(name: "calendar --all", yakkan: ["calendar", "--all"], sqlite: [scheduleSQL("'in_use'")], goal: .ratioAndMemory(2, 50)),
        Measurement(name: "remind --dry-run", yakkan: ["remind", "--dry-run"],
                    sqlite: [scheduleSQL("'submitted', 'in_use', 'stopped'") + "; SELECT s.login, s.name, m.mail FROM staff s LEFT JOIN staff_mail m ON m.login = s.login ORDER BY s.login"],
                    goal: .ratioAndMemory(2, 50)),
        Measurement(name: "a 40 MB line piped into the query shell", yakkan: ["query"], input: longLine, goal: .none),
    ]
}

