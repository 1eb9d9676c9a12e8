using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ProbationArchive.Core.Data;

/// <summary>
/// One prepared SQLite statement, stepped through SQLitePCL directly: the import runs a few
/// statements hundreds of thousands of times, and Microsoft.Data.Sqlite's command, parameter and
/// data-reader objects per call cost more than SQLite's own work for a small row. Parameters are
/// bound by position (1-based, as SQLite numbers them); text is bound as UTF-16 without a copy.
/// Runs in whatever transaction the connection has open.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public SqliteStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    public SqliteStatement Bind(int index, long? value) => value is { } v ? Bind(index, v) : BindNull(index);

    public SqliteStatement Bind(int index, bool value) => Bind(index, value ? 1L : 0L);

    public SqliteStatement Bind(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));
        return this;
    }

    /// <summary>As EF Core's SQLite provider stores a <see cref="DateOnly"/>.</summary>
    public SqliteStatement Bind(int index, DateOnly? value) =>
        Bind(index, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>As EF Core's SQLite provider stores a <see cref="DateTime"/>.</summary>
    public SqliteStatement Bind(int index, DateTime value) =>
        Bind(index, value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));

    /// <summary>As EF Core's SQLite provider stores a <see cref="DateTimeOffset"/>: the offset is kept.</summary>
    public SqliteStatement Bind(int index, DateTimeOffset? value) =>
        Bind(index, value?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

    public SqliteStatement BindNull(int index)
    {
        Check(raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Runs a statement that returns no rows, and readies it for the next bindings.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            Check(rc);
        }
    }

    /// <summary>Runs a statement and returns how many rows it inserted, changed or deleted.</summary>
    public int ExecuteCountingRows()
    {
        Execute();
        return raw.sqlite3_changes(_db);
    }

    /// <summary>Runs an INSERT and returns the new row's id.</summary>
    public long Insert()
    {
        Execute();
        // A trigger's own inserts do not change this value.
        return raw.sqlite3_last_insert_rowid(_db);
    }

    /// <summary>Steps through the rows; call <see cref="Reset"/> (or read to the end) before binding again.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }

        return false;
    }

    public void Reset() => raw.sqlite3_reset(_statement);

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public int Int32(int column) => raw.sqlite3_column_int(_statement, column);

    public bool Boolean(int column) => raw.sqlite3_column_int64(_statement, column) != 0;

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public int? NullableInt32(int column) => IsNull(column) ? null : Int32(column);

    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string() ?? "";

    public string? NullableText(int column) => IsNull(column) ? null : Text(column);

    public DateTimeOffset? NullableDateTimeOffset(int column) =>
        IsNull(column) ? null : DateTimeOffset.Parse(Text(column), CultureInfo.InvariantCulture);

    public DateOnly? NullableDate(int column) =>
        IsNull(column) ? null : DateOnly.ParseExact(Text(column), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Runs SQL that takes no parameters (transaction control, pragmas).</summary>
    public static void Run(SqliteConnection connection, string sql)
    {
        using var statement = new SqliteStatement(connection, sql);
        statement.Execute();
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();
}
