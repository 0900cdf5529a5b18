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
        return migrator
    }
}
