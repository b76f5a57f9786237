import CSQLite
import Foundation

/// A value bound to or read from SQLite.
public enum SQLValue: Sendable, Equatable {
    case integer(Int64)
    /// A REAL column (the review tier's model score).
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null

    public var int: Int? {
        if case .integer(let value) = self { return Int(value) }
        return nil
    }
    public var double: Double? {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }
    public var string: String? {
        if case .text(let value) = self { return value }
        return nil
    }
    public var bytes: [UInt8]? {
        if case .blob(let value) = self { return value }
        return nil
    }
}

public struct SQLiteError: Error, CustomStringConvertible {
    public var code: Int32
    public var message: String
    public var description: String { "SQLite error \(code): \(message)" }
    /// SQLITE_FULL: the disk (or quota) is full.
    public var isDiskFull: Bool { code & 0xFF == SQLITE_FULL }
}

/// A thin owner of one SQLite connection: prepared statements are cached per SQL text.
/// Not thread-safe: one task uses it at a time (the daemon keeps it inside one actor).
final class SQLiteDatabase {
    private let handle: OpaquePointer
    private var statements: [String: (statement: OpaquePointer, columns: ColumnNames)] = [:]

    init(path: String) throws(SQLiteError) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw SQLiteError(code: code, message: "\(path): \(message)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 5_000)
    }

    deinit {
        for (statement, _) in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws(SQLiteError) {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        if code != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "error"
            sqlite3_free(error)
            throw SQLiteError(code: code, message: message)
        }
    }

    /// Runs a statement and returns every row.
    @discardableResult
    func query(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError) -> [Row] {
        let (statement, columns) = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, argument) in arguments.enumerated() {
            let position = Int32(index + 1)
            let code: Int32
            switch argument {
            case .integer(let value): code = sqlite3_bind_int64(statement, position, value)
            case .real(let value): code = sqlite3_bind_double(statement, position, value)
            case .text(let value):
                // With its byte length, so text with a NUL byte in it is stored whole.
                let bytes = Array(value.utf8)
                code =
                    bytes.isEmpty
                    ? sqlite3_bind_text(statement, position, "", 0, mw_sqlite_transient())
                    : bytes.withUnsafeBufferPointer { buffer in
                        buffer.withMemoryRebound(to: CChar.self) {
                            sqlite3_bind_text(
                                statement, position, $0.baseAddress, Int32($0.count), mw_sqlite_transient())
                        }
                    }
            case .blob(let value):
                code = value.withUnsafeBytes {
                    sqlite3_bind_blob(statement, position, $0.baseAddress, Int32($0.count), mw_sqlite_transient())
                }
            case .null: code = sqlite3_bind_null(statement, position)
            }
            guard code == SQLITE_OK else { throw lastError(code) }
        }
        var rows: [Row] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw lastError(code) }
            rows.append(
                Row(values: (0..<sqlite3_column_count(statement)).map { column(statement, $0) }, columns: columns))
        }
        return rows
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    private var transactionDepth = 0

    /// Runs `body` in one write transaction: all of it lands, or none of it. Inside another
    /// transaction it simply joins it (the outer one decides).
    func transaction<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        try execute("BEGIN IMMEDIATE")
        transactionDepth = 1
        defer { transactionDepth = 0 }
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // SQLite ends the transaction itself on some errors (SQLITE_FULL, IOERR...): roll back only
            // when one is open. A failed ROLLBACK leaves the connection in doubt, so that error wins.
            if sqlite3_get_autocommit(handle) == 0 {
                do { try execute("ROLLBACK") } catch let rollback {
                    throw SQLiteError(
                        code: rollback.code, message: "ROLLBACK failed: \(rollback.message) (after: \(error))")
                }
            }
            throw error
        }
    }

    private func prepared(_ sql: String) throws(SQLiteError) -> (statement: OpaquePointer, columns: ColumnNames) {
        if let cached = statements[sql] { return cached }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw lastError(code) }
        let names = (0..<sqlite3_column_count(statement)).map {
            sqlite3_column_name(statement, $0).map { String(cString: $0) } ?? ""
        }
        let entry = (statement, ColumnNames(names, sql: sql))
        statements[sql] = entry
        return entry
    }

    private func column(_ statement: OpaquePointer, _ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let pointer = sqlite3_column_text(statement, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let pointer = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
        default: return .null
        }
    }

    private func lastError(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)))
    }
}
