using Microsoft.Data.Sqlite;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// An import killed with SIGKILL part-way through, several times, then run again, leaves a
/// database that opens, passes PRAGMA integrity_check, and holds exactly what an uninterrupted
/// import holds.
/// </summary>
public sealed class ImportCrashTests
{
    private const int Kills = 4;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task Import_KilledPartWaySeveralTimesThenRerun_EqualsAnUninterruptedImport()
    {
        var work = Directory.CreateTempSubdirectory("probation-crash-").FullName;
        try
        {
            var corpus = CrashCorpus.Write(Path.Combine(work, "pages"), posts: 400, commentsPerPost: 40);
            var totalFiles = Directory.GetFiles(corpus).Length;
            var reference = Path.Combine(work, "reference.db");
            var crashed = Path.Combine(work, "crashed.db");
            var first = await ImportProcess.RunAsync(reference, corpus);
            Assert.True(first.ExitCode == 0, first.Output);

            // Each kill lands at a random point of the remaining work, found by watching the store fill.
            var random = new Random(20261123);
            var storedAfterKills = new List<int>();
            for (var kill = 0; kill < Kills; kill++)
            {
                var stored = await StoredFilesAsync(crashed);
                var target = stored + random.Next(1, Math.Max(2, (totalFiles - stored) * 3 / 4));
                using var process = ImportProcess.Start(crashed, corpus);
                while (!process.HasExited && await StoredFilesAsync(crashed) < target)
                {
                    await Task.Delay(PollInterval, TestContext.Current.CancellationToken);
                }

                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
                Assert.Equal("ok", await ScalarAsync(crashed, "PRAGMA integrity_check"));
                storedAfterKills.Add(await StoredFilesAsync(crashed));
            }

            // Otherwise the kills proved nothing: they must have cut imports short.
            Assert.Contains(storedAfterKills, n => n > 0 && n < totalFiles);
            var last = await ImportProcess.RunAsync(crashed, corpus);
            Assert.True(last.ExitCode == 0, last.Output);

            Assert.Equal("ok", await ScalarAsync(crashed, "PRAGMA integrity_check"));
            Assert.Equal(await ContentAsync(reference), await ContentAsync(crashed));
            // The search index reads its text from the tables: FTS5 checks every entry against them.
            await ScalarAsync(crashed, "INSERT INTO SearchEntries (SearchEntries, rank) VALUES ('integrity-check', 1)", readOnly: false);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> StoredFilesAsync(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            return int.Parse(await ScalarAsync(database, "SELECT count(*) FROM SourceFiles"), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // The importer is still creating the schema.
            return 0;
        }
    }

    /// <summary>Counts and content of every table that matters, ids and times left out.</summary>
    private static async Task<string> ContentAsync(string database) => string.Join("\n",
        await ScalarAsync(database, "SELECT count(*) FROM Posts"),
        await ScalarAsync(database, "SELECT count(*) FROM Comments"),
        await ScalarAsync(database, "SELECT count(*) FROM Comments WHERE ParentId IS NOT NULL"),
        await ScalarAsync(database, "SELECT count(*) FROM Labels"),
        await ScalarAsync(database, "SELECT count(*) FROM PostLabels"),
        await ScalarAsync(database, "SELECT count(*) FROM SourceFiles"),
        await ScalarAsync(database, "SELECT count(*) FROM PostSources"),
        await ScalarAsync(database, "SELECT count(*) FROM SearchEntries"),
        await ScalarAsync(database, "SELECT group_concat(Permalink || Title || Body, '|') FROM (SELECT * FROM Posts ORDER BY Permalink)"),
        await ScalarAsync(database,
            "SELECT group_concat(p.Permalink || c.ThreadPath || c.Text, '|') FROM (SELECT * FROM Comments ORDER BY PostId, Position) c JOIN Posts p ON p.Id = c.PostId"));

    private static async Task<string> ScalarAsync(string database, string sql, bool readOnly = true)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode={(readOnly ? "ReadOnly" : "ReadWrite")};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
