import CSQLite

/// One result row. Store code reads columns by name, so a query and the code reading it cannot
/// drift apart silently: a name that is not in the result throws.
struct Row {
    let values: [SQLValue]
    let columns: ColumnNames

    subscript(_ name: String) -> SQLValue {
        get throws(SQLiteError) {
            guard let index = columns.positions[name], index >= 0 else { throw columns.unreadable(name) }
            return values[index]
        }
    }
}

/// A prepared statement's result columns by name, built once when it is prepared and shared by its rows.
/// Names are SQLite's: the AS alias, else the column's own name; give expressions an alias.
final class ColumnNames {
    let sql: String
    /// -1 for a name that occurs twice (two tables' `id`, say): reading it would be a guess.
    let positions: [String: Int]

    init(_ names: [String], sql: String) {
        self.sql = sql
        positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { _, _ in -1 })
    }

    func unreadable(_ name: String) -> SQLiteError {
        let problem = positions[name] == nil ? "no column" : "two columns named"
        return SQLiteError(code: SQLITE_ERROR, message: "\(problem) \"\(name)\" in the result of: \(sql)")
    }
}
