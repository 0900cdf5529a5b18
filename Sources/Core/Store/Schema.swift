import GRDB

/// The store's migrations: named, forward-only. A new one is appended, never edited.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-applications") { db in
            try db.create(table: "person") { t in
                t.primaryKey("login", .text)
                t.column("name", .text).notNull()
                t.column("department", .text).notNull()
                t.column("updated_at", .text).notNull()
            }
            try db.create(table: "draft") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("owner", .text).notNull().indexed()
                t.column("procedure", .text).notNull()
                t.column("state", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("created_at", .text).notNull()
                t.column("updated_at", .text).notNull()
            }
            try db.create(table: "application") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicant", .text).notNull()
                t.column("status", .text).notNull()
                t.column("procedure_version", .text).notNull()
                t.column("answers", .text).notNull()
                t.column("department", .text).notNull()
                t.column("provider", .text).notNull()
                t.column("service", .text).notNull()
                t.column("period_start", .text)
                t.column("period_end", .text)
                t.column("submitted_at", .text).notNull()
                t.column("version", .integer).notNull()
            }
            try db.create(table: "application_attachment") { t in
                t.column("application_id", .integer).notNull().references("application", onDelete: .cascade)
                t.column("field", .text).notNull()
                t.column("sha256", .text).notNull().indexed()
                t.column("file_name", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("added_at", .text).notNull()
            }
        }
        migrator.registerMigration("v2-review") { db in
            try db.create(table: "staff") { t in
                t.primaryKey("login", .text)
                t.column("name", .text).notNull()
                t.column("department", .text).notNull()
                t.column("is_administrator", .boolean).notNull().defaults(to: false)
                t.column("added_at", .text).notNull()
            }
            try db.create(table: "staff_reviewer") { t in
                t.column("login", .text).notNull().references("staff", onDelete: .cascade)
                t.column("department", .text).notNull()
                t.primaryKey(["login", "department"])
            }
            try db.alter(table: "draft") { t in
                t.add(column: "application_id", .integer)
                t.add(column: "application_version", .integer)
            }
            try db.alter(table: "application") { t in
                t.add(column: "reviewing_by", .text)
                t.add(column: "reviewing_since", .text)
            }
            try db.create(table: "application_editor") { t in
                t.column("application_id", .integer).notNull().references("application", onDelete: .cascade)
                t.column("login", .text).notNull()
                t.primaryKey(["application_id", "login"])
            }
            try db.create(table: "decision") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("application_id", .integer).notNull().references("application", onDelete: .cascade).indexed()
                t.column("reviewer", .text).notNull()
                t.column("reviewer_name", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("reason", .text)
                t.column("answers", .text).notNull()
                t.column("application_version", .integer).notNull()
                t.column("decided_at", .text).notNull()
            }
            try db.create(table: "acknowledgement") { t in
                t.column("application_id", .integer).primaryKey().references("application", onDelete: .cascade)
                t.column("login", .text).notNull()
                t.column("name", .text).notNull()
                t.column("acknowledged_at", .text).notNull()
            }
            try db.create(table: "audit") { t in
                t.column("sequence", .integer).notNull()
                t.column("at", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull()
                // The detail may be erased when its records are purged; its digest stays in the chain.
                t.column("detail", .text)
                t.column("detail_digest", .text).notNull()
                t.column("previous_hash", .text).notNull()
                t.column("hash", .text).notNull()
            }
            try db.create(table: "audit_head") { t in
                t.primaryKey("id", .integer)
                t.column("sequence", .integer).notNull()
                t.column("hash", .text).notNull()
            }
            // The log only grows: SQL that edits or removes an entry is refused outright, except
            // erasing a detail when its records are purged. (Plain SQL can still drop the trigger;
            // the hash chain is what proves tampering.)
            try db.execute(sql: """
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                WHEN NOT (NEW.detail IS NULL AND NEW.sequence = OLD.sequence AND NEW.at = OLD.at AND NEW.actor = OLD.actor
                    AND NEW.action = OLD.action AND NEW.subject = OLD.subject AND NEW.detail_digest = OLD.detail_digest
                    AND NEW.previous_hash = OLD.previous_hash AND NEW.hash = OLD.hash)
                BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
                """)
        }
        migrator.registerMigration("v3-duties") { db in
            try db.create(table: "duty_record") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("application_id", .integer).notNull().references("application", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("done_on", .text).notNull()
                t.column("answers", .text).notNull()
                t.column("recorded_by", .text).notNull()
                t.column("recorded_at", .text).notNull()
            }
            try db.create(index: "duty_record_by_application", on: "duty_record", columns: ["application_id", "kind", "done_on"])
            try db.create(table: "alert") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("application_id", .integer).references("application", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("recipient_login", .text)
                t.column("recipient_name", .text)
                t.column("message", .text).notNull()
                t.column("needs_decision", .boolean).notNull().defaults(to: false)
                t.column("created_at", .text).notNull()
                t.column("acknowledged_at", .text)
                t.column("acknowledged_by", .text)
            }
            try db.create(index: "alert_open", on: "alert", columns: ["acknowledged_at", "recipient_login"])
            try db.create(table: "incident") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("application_id", .integer).references("application", onDelete: .cascade)
                t.column("provider", .text).notNull()
                t.column("service", .text).notNull()
                t.column("occurred_on", .text).notNull()
                t.column("what", .text).notNull()
                t.column("source", .text)
                t.column("action", .text)
                t.column("recorded_by", .text).notNull()
                t.column("recorded_at", .text).notNull()
            }
            try db.alter(table: "application") { t in
                t.add(column: "stopped_reason", .text)
                t.add(column: "stopped_by", .text)
                t.add(column: "stopped_at", .text)
            }
        }
        migrator.registerMigration("v4-termination") { db in
            try db.alter(table: "decision") { t in t.add(column: "form", .text).notNull().defaults(to: "application") }
            try db.create(table: "termination") { t in
                t.column("application_id", .integer).primaryKey().references("application", onDelete: .cascade)
                t.column("applicant", .text).notNull()
                t.column("status", .text).notNull()
                t.column("answers", .text).notNull()
                t.column("submitted_at", .text).notNull()
                t.column("version", .integer).notNull()
            }
            try db.create(table: "termination_editor") { t in
                t.column("application_id", .integer).notNull().references("application", onDelete: .cascade)
                t.column("login", .text).notNull()
                t.primaryKey(["application_id", "login"])
            }
            try db.create(table: "retention_hold") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("application_id", .integer).notNull().references("application", onDelete: .cascade)
                t.column("until", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("held_by", .text).notNull()
                t.column("held_at", .text).notNull()
            }
            try db.alter(table: "application") { t in t.add(column: "ended_on", .text) }
        }
        migrator.registerMigration("v5-ledger") { db in
            // Columns and tables derived from the records, kept in step by the store, so that
            // every question of the ledger is an indexed query.
            try db.alter(table: "application") { t in
                t.add(column: "classification", .integer)
                t.add(column: "personal_information", .boolean)
                t.add(column: "approved_on", .text)
                t.add(column: "keep_until", .text)
            }
            for column in ["status", "department", "provider", "service", "approved_on", "keep_until", "classification"] {
                try db.create(index: "application_by_\(column)", on: "application", columns: [column])
            }
            try db.create(table: "duty_due") { t in
                t.column("application_id", .integer).notNull().references("application", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("due_on", .text).notNull()
                t.primaryKey(["application_id", "kind"])
            }
            try db.create(index: "duty_due_by_day", on: "duty_due", columns: ["due_on"])
            try db.execute(sql: "CREATE VIRTUAL TABLE ledger_text USING fts5(content, tokenize = 'trigram')")
            // Filled by the last migration that adds to the ledger (refreshLedger writes the
            // newest schema's columns).
        }
        migrator.registerMigration("v6-ledger-indexes") { db in
            // Measured at 100,000 services: who keeps a service, personal information and the
            // overdue look-up each need their own index to stay within a few milliseconds.
            try db.alter(table: "application") { t in t.add(column: "manager_key", .text) }
            try db.create(index: "application_by_manager_key", on: "application", columns: ["manager_key"])
            try db.create(index: "application_by_personal_information", on: "application", columns: ["personal_information"])
            try db.create(index: "duty_due_by_day_application", on: "duty_due", columns: ["due_on", "application_id"])
            try db.drop(index: "duty_due_by_day")
            try db.create(index: "termination_by_status", on: "termination", columns: ["status"])
            // Filled by the last migration that adds to the ledger (refreshLedger writes the
            // newest schema's columns).
        }
        migrator.registerMigration("v7-list-columns") { db in
            // What lists show, so that listing or exporting 100,000 services reads columns
            // instead of decoding each service's answers; and a second full-text index for
            // searches of one or two characters, which the trigram index cannot answer.
            try db.alter(table: "application") { t in
                t.add(column: "applicant_name", .text)
                t.add(column: "submitted_on", .text)
                t.add(column: "user_count", .integer)
                t.add(column: "service_manager", .text)
                t.add(column: "department_head", .text)
                t.add(column: "latest_outcome", .text)
                t.add(column: "decided_on", .text)
            }
            try db.execute(sql: "CREATE VIRTUAL TABLE ledger_short_text USING fts5(words, detail = none, columnsize = 0)")
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM application") {
                // A store this old has adopted no version of the procedure: every form is 1.0.
                try SQLiteStore.refreshLedger(GRDBSession(db), id: id, book: .builtIn)
            }
        }
        migrator.registerMigration("v7-signed-log") { db in
            // Each entry is signed by its actor once the transaction that wrote it is complete;
            // the only changes to an entry ever allowed are that signature, set once, and
            // erasing a detail when its records are purged.
            try db.alter(table: "audit") { t in t.add(column: "signature", .text) }
            try db.execute(sql: """
                DROP TRIGGER audit_no_update;
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                WHEN NOT (NEW.sequence = OLD.sequence AND NEW.at = OLD.at AND NEW.actor = OLD.actor
                    AND NEW.action = OLD.action AND NEW.subject = OLD.subject AND NEW.detail_digest = OLD.detail_digest
                    AND NEW.previous_hash = OLD.previous_hash AND NEW.hash = OLD.hash
                    AND (NEW.detail IS OLD.detail OR NEW.detail IS NULL)
                    AND (NEW.signature IS OLD.signature OR OLD.signature IS NULL))
                BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
                """)
        }
        migrator.registerMigration("v8-reach-mail-and-reminders") { db in
            // Addresses are part of the directory, so changed and signed like it; a table of
            // their own keeps every row signed before this one as it was.
            try db.create(table: "staff_mail") { t in
                t.primaryKey("login", .text).references("staff", onDelete: .cascade)
                t.column("mail", .text).notNull()
                t.column("language", .text)
            }
            // What `remind` sent, so that each item is mailed at most once a day: working state.
            try db.create(table: "reminder_sent") { t in
                t.column("login", .text).notNull()
                t.column("item", .text).notNull()
                t.column("day", .text).notNull()
                t.column("sent_at", .text).notNull()
                t.primaryKey(["login", "item", "day"])
            }
        }
        migrator.registerMigration("seed-audit-by-subject") { db in
            // A service's page shows the continuation decisions the log records (6(1)); reading
            // them by subject must not walk the whole log.
            try db.create(index: "audit_by_subject", on: "audit", columns: ["subject", "action"])
        }
        migrator.registerMigration("v9-log-of-acts") { db in
            // The numbers given to applications so far, which a command takes the next of: a
            // projection, rebuilt by verify like every other (a purge cannot make one come back).
            try db.create(table: "record_counter") { t in
                t.primaryKey("name", .text)
                t.column("last", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO record_counter (name, last) SELECT 'application', max(id) FROM application HAVING max(id) IS NOT NULL")
            // Signing an entry finds it by its number: without an index each signature read the
            // whole log (14 ms a command at 22,000 entries, growing with the log).
            try db.create(index: "audit_by_sequence", on: "audit", columns: ["sequence"])
            // Each person's working state, signed by them (WorkingSeal): nobody else's yakkan
            // reads a row as theirs unless its signature holds.
            try db.alter(table: "draft") { t in t.add(column: "signature", .text) }
            try db.alter(table: "person") { t in t.add(column: "signature", .text) }
            try db.alter(table: "application") { t in t.add(column: "reviewing_signature", .text) }
            try db.alter(table: "reminder_sent") { t in
                t.add(column: "sent_by", .text)
                t.add(column: "signature", .text)
            }
        }
        migrator.registerMigration("v10-deputies") { db in
            // Who stands in as 利用責任者 of a 課, and until which day (Rules/Deputies.swift).
            try db.create(table: "staff_deputy") { t in
                t.column("login", .text).notNull().references("staff", onDelete: .cascade)
                t.column("department", .text).notNull()
                t.column("until", .text).notNull()
                t.primaryKey(["login", "department"])
            }
        }
        migrator.registerMigration("v11-procedure-versions") { db in
            // The versions of the procedure adopted by signed acts (`Command.adoptProcedure`),
            // each with its file's text, in the order of the log (`entry`).
            try db.create(table: "procedure_version") { t in
                t.primaryKey("version", .text)
                t.column("in_force_from", .text).notNull()
                t.column("text", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("entry", .integer).notNull().unique()
                t.column("adopted_by", .text).notNull()
                t.column("adopted_at", .text).notNull()
            }
        }
        migrator.registerMigration("v12-applicant-and-class-indexes") { db in
            // A person's own decided and returned forms (the menu's news, the drafts offered
            // back): found through the status alone, every returned or decided form of the
            // village was read to compare its applicant, 79 MB of pages for one menu at
            // 100,000 services (strace).
            try db.create(index: "application_by_applicant", on: "application", columns: ["applicant", "status"])
            // A class is named within its version of the procedure (`--class Ⅰ,Ⅱ`): with the
            // version in the index, the rows of 2,964 services at 100,000 are not read to find it.
            try db.create(index: "application_by_class_and_version", on: "application", columns: ["classification", "procedure_version"])
            try db.drop(index: "application_by_classification")
        }
        return migrator
    }
}
