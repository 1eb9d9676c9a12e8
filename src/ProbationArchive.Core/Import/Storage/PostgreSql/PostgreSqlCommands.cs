using Npgsql;
using NpgsqlTypes;

namespace ProbationArchive.Core.Import.Storage.PostgreSql;

/// <summary>Small helpers for the import's own SQL on PostgreSQL: positional parameters ($1, $2…), typed so that a NULL still has a type.</summary>
internal static class PostgreSqlCommands
{
    public static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static NpgsqlParameter Integer(long? value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Boolean(bool value) => new() { NpgsqlDbType = NpgsqlDbType.Boolean, Value = value };

    public static NpgsqlParameter Date(DateOnly? value) => new() { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Timestamp(DateTime value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = DateTime.SpecifyKind(value, DateTimeKind.Utc) };

    public static NpgsqlParameter TextArray(IEnumerable<string> values) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    public static NpgsqlParameter IntegerArray(IEnumerable<int> values) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, Value = values.ToArray() };
}
