using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ProbationArchive.Web.Reading;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

/// <summary>
/// Issue 12: every query a page runs is planned on an index wherever one serves. SQLite's
/// <c>EXPLAIN QUERY PLAN</c> says "SCAN Posts" or "SCAN Comments" (or a join table that grows with
/// them) for a walk over every row of the table; "SCAN ... USING (COVERING) INDEX" walks an index in its order, and "SEARCH" looks rows up.
/// </summary>
public sealed partial class QueryPlanTests(LongDiscussionFactory factory) : IClassFixture<LongDiscussionFactory>
{
    private static readonly string[] Pages =
    [
        "/", "/?page=2", "/labels", "/labels?sort=count", "/label/PO", "/2018", "/2018/11", "/undated", "/archive",
        Seeds.Napo179, Seeds.Undated, LongDiscussionFactory.PostPath + "?page=2",
        "/search?q=probation+officer", "/search?q=napo&label=PO", "/search?q=zzzqqq", "/feeds/posts.atom",
        "/feeds/comments" + Seeds.Napo179 + ".atom", "/sitemap.xml", "/2018/11/latest-from-napo-179.html",
    ];

    [Fact]
    public async Task NoPageQuery_ScansPostsCommentsOrTheirJoinTables_RowByRow()
    {
        var client = factory.CreateReader();
        var comment = await factory.ReadStoreAsync((db, ct) => Task.FromResult(db.Comments.Where(c => "/" + c.Post.Permalink == LongDiscussionFactory.PostPath).Max(c => c.Id)));
        factory.Recorder.Clear();
        foreach (var page in Pages.Append($"{LongDiscussionFactory.PostPath}?comment={comment}"))
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True((int)response.StatusCode < 400, $"GET {page}: {(int)response.StatusCode}");
        }

        var recorded = factory.Recorder.Commands;
        var commands = recorded.DistinctBy(c => c.Text).ToList();
        // What ArchiveFacts computes may read a whole table, but only once per data version (no data changes here).
        var facts = commands.Where(c => c.Text.StartsWith("-- " + ArchiveFacts.QueryTag, StringComparison.Ordinal)).ToList();
        Assert.True(facts.Count >= 3, $"{facts.Count} queries made once per data version");
        Assert.All(facts, c => Assert.Equal(1, recorded.Count(r => r.Text == c.Text)));
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var scans = new List<string>();
        foreach (var command in commands)
        {
            var plan = await PlanAsync(connection, command);
            var described = $"{command.Text}\n  {string.Join("\n  ", plan)}\n";
            TestContext.Current.SendDiagnosticMessage(described);
            // QUERY_PLANS=<file> keeps every query with its plan, for reading (docs/PERFORMANCE.md).
            if (Environment.GetEnvironmentVariable("QUERY_PLANS") is { Length: > 0 } file)
            {
                await File.AppendAllTextAsync(file, described + "\n", TestContext.Current.CancellationToken);
            }
            var tables = Aliases().Matches(command.Text).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
            scans.AddRange(plan.Where(step => !facts.Contains(command) && IsRowScan(step, tables)).Select(step => $"{step}\n    in: {command.Text}"));
        }

        Assert.True(commands.Count > 15, $"only {commands.Count} queries recorded");
        Assert.True(scans.Count == 0, string.Join("\n", scans));
    }

    /// <summary>"SCAN Posts", or "SCAN p" where the query names Posts "p", without an index; a search or an index walk is not one.</summary>
    private static bool IsRowScan(string step, Dictionary<string, string> tables)
    {
        var scan = ScanStep().Match(step);
        if (!scan.Success || step.Contains(" INDEX ", StringComparison.Ordinal))
        {
            return false;
        }

        var table = tables.GetValueOrDefault(scan.Groups[1].Value, scan.Groups[1].Value);
        // The tables that grow with the archive; Labels (a few hundred rows) may be read whole.
        return table is "Posts" or "Comments" or "PostLabels" or "PostSources" or "SourceFiles";
    }

    [GeneratedRegex("\"(\\w+)\" AS \"(\\w+)\"")]
    private static partial Regex Aliases();

    [GeneratedRegex("^SCAN (\\w+)")]
    private static partial Regex ScanStep();

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, RecordedCommand command)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
