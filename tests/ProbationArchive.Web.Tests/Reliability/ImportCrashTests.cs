using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// An import killed with SIGKILL at random moments, then run again, leaves a database that opens,
/// passes PRAGMA integrity_check, and holds exactly what an uninterrupted import holds.
/// </summary>
public sealed class ImportCrashTests
{
    private const int Kills = 4;

    [Fact]
    public async Task Import_KilledAtRandomMomentsThenRerun_EqualsAnUninterruptedImport()
    {
        var work = Directory.CreateTempSubdirectory("probation-crash-").FullName;
        try
        {
            var corpus = CrashCorpus.Write(Path.Combine(work, "pages"), posts: 400, commentsPerPost: 40);
            var reference = Path.Combine(work, "reference.db");
            var crashed = Path.Combine(work, "crashed.db");
            var clock = Stopwatch.StartNew();
            var first = await ImportProcess.RunAsync(reference, corpus);
            Assert.True(first.ExitCode == 0, first.Output);
            var uninterrupted = clock.Elapsed;

            var random = new Random(20261123);
            var totalFiles = Directory.GetFiles(corpus).Length;
            var storedAfterKills = new List<int>();
            for (var kill = 0; kill < Kills; kill++)
            {
                using var process = ImportProcess.Start(crashed, corpus);
                await Task.Delay(uninterrupted * (0.2 + (0.7 * random.NextDouble())), TestContext.Current.CancellationToken);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
                Assert.Equal("ok", await ScalarAsync(crashed, "PRAGMA integrity_check"));
                storedAfterKills.Add(int.Parse(await ScalarAsync(crashed, "SELECT count(*) FROM SourceFiles"), System.Globalization.CultureInfo.InvariantCulture));
            }

            // Otherwise the kills proved nothing: at least one must have cut an import short.
            Assert.Contains(storedAfterKills, n => n > 0 && n < totalFiles);
            var last = await ImportProcess.RunAsync(crashed, corpus);
            Assert.True(last.ExitCode == 0, last.Output);

            Assert.Equal("ok", await ScalarAsync(crashed, "PRAGMA integrity_check"));
            Assert.Equal(await ContentAsync(reference), await ContentAsync(crashed));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
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
        await ScalarAsync(database, "SELECT group_concat(Permalink || Title || Body, '|') FROM (SELECT * FROM Posts ORDER BY Permalink)"),
        await ScalarAsync(database,
            "SELECT group_concat(p.Permalink || c.ThreadPath || c.Text, '|') FROM (SELECT * FROM Comments ORDER BY PostId, Position) c JOIN Posts p ON p.Id = c.PostId"));

    private static async Task<string> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
