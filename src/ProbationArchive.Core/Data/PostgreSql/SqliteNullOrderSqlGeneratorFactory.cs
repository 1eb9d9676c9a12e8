using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace ProbationArchive.Core.Data.PostgreSql;

/// <summary>
/// Npgsql's SQL generator with NULL sorting lowest, as in SQLite (NULLS FIRST ascending, NULLS
/// LAST descending), so "newest first" puts undated posts last on both providers without a
/// second ordering in every query. Npgsql has this switch but does not expose it (its option is
/// internal); <see cref="PostgreSqlModel"/> gives the date index the matching order.
/// </summary>
[SuppressMessage("Usage", "EF1001:Internal EF Core API usage.", Justification = "Npgsql's generator takes the NULL order as a constructor argument; no public option sets it.")]
internal sealed class SqliteNullOrderSqlGeneratorFactory(
    QuerySqlGeneratorDependencies dependencies,
    IRelationalTypeMappingSource typeMappingSource,
    INpgsqlSingletonOptions npgsqlOptions) : IQuerySqlGeneratorFactory
{
    public QuerySqlGenerator Create() =>
        new NpgsqlQuerySqlGenerator(dependencies, typeMappingSource, reverseNullOrderingEnabled: true, npgsqlOptions.PostgresVersion);
}
