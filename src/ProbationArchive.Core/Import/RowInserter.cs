using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ProbationArchive.Core.Data;
using SQLitePCL;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Inserts rows of one entity type with one prepared INSERT, built from the EF model (table,
/// columns, value conversions), so it cannot drift from the schema the migrations create. For
/// rows that are certainly new, where change tracking and SaveChanges cost several times what
/// SQLite does (docs/PERFORMANCE.md). Runs in the context's current transaction.
/// </summary>
internal sealed class RowInserter<T> : IAsyncDisposable
    where T : class
{
    private readonly ArchiveDbContext _db;
    private readonly IProperty[] _columns;
    private readonly IProperty? _generatedKey;
    private DbCommand? _insert;

    public RowInserter(ArchiveDbContext db)
    {
        _db = db;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the archive's model.");
        _generatedKey = entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] ? key : null;
        _columns = [.. entity.GetProperties().Where(p => p != _generatedKey)];
        if (_columns.Any(p => p.PropertyInfo is null))
        {
            throw new InvalidOperationException($"{typeof(T).Name} has a property without a CLR property; RowInserter cannot read it.");
        }
    }

    public async Task InsertAsync(T row, CancellationToken cancellationToken)
    {
        var insert = _insert ??= Prepare();
        insert.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        for (var i = 0; i < _columns.Length; i++)
        {
            var value = _columns[i].PropertyInfo!.GetValue(row);
            if (value is not null && _columns[i].GetTypeMapping().Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            insert.Parameters[i].Value = value ?? DBNull.Value;
        }

        if (_generatedKey is null)
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await insert.ExecuteNonQueryAsync(cancellationToken);
        // Read straight from the connection: RETURNING made SQLite stage each row in a temporary
        // table, half again the cost of the insert. A trigger's own inserts do not change this value.
        var id = raw.sqlite3_last_insert_rowid(((SqliteConnection)insert.Connection!).Handle);
        _generatedKey.PropertyInfo!.SetValue(row, Convert.ChangeType(id, _generatedKey.ClrType, CultureInfo.InvariantCulture));
    }

    private DbCommand Prepare()
    {
        var entity = _columns[0].DeclaringType.ContainingEntityType;
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        var names = string.Join(", ", _columns.Select(c => $"\"{c.GetColumnName()}\""));
        var values = string.Join(", ", _columns.Select((_, i) => $"@p{i}"));
        command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({names}) VALUES ({values})";
        for (var i = 0; i < _columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }
}
