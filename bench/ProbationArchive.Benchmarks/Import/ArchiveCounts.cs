using Microsoft.Data.Sqlite;

namespace ProbationArchive.Benchmarks.Import;

/// <summary>Rows in each table of an archive file.</summary>
internal sealed record ArchiveCounts(long Posts, long Comments, long TopLevelComments, long Labels, long PostLabels, long PostSources, long SourceFiles, long Diagnostics)
{
    public long Total => Posts + Comments + Labels + PostLabels + PostSources + SourceFiles + Diagnostics;

    public static async Task<ArchiveCounts> ReadAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return new ArchiveCounts(
            await CountAsync("Posts"),
            await CountAsync("Comments"),
            await CountAsync("Comments WHERE ParentId IS NULL"),
            await CountAsync("Labels"),
            await CountAsync("PostLabels"),
            await CountAsync("PostSources"),
            await CountAsync("SourceFiles"),
            await CountAsync("ImportDiagnostics"));

        async Task<long> CountAsync(string from)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {from}";
            return (long)(await command.ExecuteScalarAsync())!;
        }
    }

    public override string ToString() =>
        $"{Posts} posts, {Comments} comments ({TopLevelComments} top-level), {Labels} labels, {PostLabels} post-labels, {PostSources} post-sources, {SourceFiles} files, {Diagnostics} diagnostics";
}
