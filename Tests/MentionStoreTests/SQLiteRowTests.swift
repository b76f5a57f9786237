import Foundation
import Testing

@testable import MentionStore

@Suite("SQLite adapter: columns by name, transactions")
struct SQLiteRowTests {
    static func database() throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: ":memory:")
        try db.execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, \"end\" INTEGER); INSERT INTO t VALUES (1, 'een', 5), (2, 'twee', NULL);"
        )
        return db
    }

    @Test func columnsAreReadByTheirNameOrAlias() throws {
        let db = try Self.database()
        let rows = try db.query("SELECT name, \"end\", id * 10 AS tenfold FROM t ORDER BY id")
        #expect(try rows.map { try $0["name"] } == [.text("een"), .text("twee")])
        #expect(try rows.map { try $0["end"] } == [.integer(5), .null])
        #expect(try rows.map { try $0["tenfold"] } == [.integer(10), .integer(20)])
    }

    @Test func aMisspeltColumnThrowsNamingTheColumnAndTheQuery() throws {
        let db = try Self.database()
        let sql = "SELECT name FROM t WHERE id = ?"
        let row = try #require(try db.query(sql, [.integer(1)]).first)
        let error = #expect(throws: SQLiteError.self) { try row["nmae"] }
        #expect(error?.message == "no column \"nmae\" in the result of: \(sql)")
    }

    @Test func aNameTwoColumnsShareIsNotGuessed() throws {
        let db = try Self.database()
        let row = try #require(try db.query("SELECT a.id, b.id FROM t a JOIN t b ON b.id = a.id + 1").first)
        let error = #expect(throws: SQLiteError.self) { try row["id"] }
        #expect(error?.message.hasPrefix("two columns named \"id\"") == true)
    }

    @Test func namesAreResolvedOncePerStatement() throws {
        let db = try Self.database()
        let sql = "SELECT id FROM t ORDER BY id"
        let first = try db.query(sql)
        let again = try db.query(sql)
        // Every row of every run shares the one map built when the statement was prepared.
        #expect(first[0].columns === first[1].columns)
        #expect(first[0].columns === again[0].columns)
        #expect(try again.map { try $0["id"] } == [.integer(1), .integer(2)])
    }

    struct Refused: Error {}

    @Test func aFailedBodyRollsBackAndItsErrorComesThrough() throws {
        let db = try Self.database()
        #expect(throws: Refused.self) {
            try db.transaction { () throws in
                try db.query("INSERT INTO t (id, name) VALUES (3, 'drie')")
                throw Refused()
            }
        }
        #expect(try db.query("SELECT count(*) AS rows FROM t").first?["rows"] == .integer(2))
    }

    @Test func aTransactionSQLiteAlreadyEndedIsNotRolledBackTwice() throws {
        let db = try Self.database()
        // As after SQLITE_FULL: the transaction is gone when the error reaches `transaction`; the error
        // itself must come through, not a "no transaction is active" from a second ROLLBACK.
        #expect(throws: Refused.self) {
            try db.transaction { () throws in
                try db.query("INSERT INTO t (id, name) VALUES (3, 'drie')")
                try db.execute("ROLLBACK")
                throw Refused()
            }
        }
        #expect(try db.query("SELECT count(*) AS rows FROM t").first?["rows"] == .integer(2))
        // The connection is usable again.
        try db.transaction { try db.execute("INSERT INTO t (id, name) VALUES (3, 'drie')") }
        #expect(try db.query("SELECT count(*) AS rows FROM t").first?["rows"] == .integer(3))
    }
}
