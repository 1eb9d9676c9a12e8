using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Import;
using Serilog;
using Spectre.Console;

namespace ProbationArchive.Web.Import;

/// <summary>
/// <c>import &lt;file-or-folder&gt;...</c>: imports saved pages into the configured archive and
/// prints a summary. Exit codes are in docs/import.md.
/// </summary>
internal static class ImportCommand
{
    public const int Success = 0;
    public const int SomeFilesFailed = 1;
    public const int UsageError = 2;
    public const int StoreUnavailable = 3;

    public static async Task<int> RunAsync(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            await Console.Error.WriteLineAsync("usage: ProbationArchive.Web import <file-or-folder>...");
            return UsageError;
        }

        // No command-line arguments reach configuration: paths such as /data/pages look like switches to it.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSerilog((services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services));
        builder.Services.AddArchiveStore(Directory.GetCurrentDirectory());
        using var host = builder.Build();
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        try
        {
            await ArchiveDatabase.MigrateAsync(db, cancellation.Token);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            Log.Error(e, "Cannot open the archive database {Database}", db.Database.GetDbConnection().DataSource);
            return StoreUnavailable;
        }

        var importer = scope.ServiceProvider.GetRequiredService<ArchiveImporter>();
        var clock = Stopwatch.StartNew();
        ImportSummary summary;
        try
        {
            summary = await importer.ImportAsync(paths, new ProgressLog(clock), cancellation.Token);
        }
        catch (ImportCommitFailedException e)
        {
            Log.Error(e, "The import stopped: {Reason}", e.Message);
            return StoreUnavailable;
        }

        PrintSummary(summary, clock.Elapsed, db.Database.GetDbConnection().DataSource);
        return summary.Succeeded ? Success : SomeFilesFailed;
    }

    private static void PrintSummary(ImportSummary summary, TimeSpan elapsed, string database)
    {
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Imported into [bold]{database}[/] in {elapsed.TotalSeconds:F1} s");
        var table = new Table().AddColumns("", "count");
        table.AddRow("files read", $"{summary.FilesRead}");
        table.AddRow("files imported", $"{summary.FilesImported}");
        table.AddRow("files unchanged", $"{summary.FilesUnchanged}");
        table.AddRow("posts new", $"{summary.PostsNew}");
        table.AddRow("posts updated", $"{summary.PostsUpdated}");
        table.AddRow("posts unchanged", $"{summary.PostsUnchanged}");
        table.AddRow("comments", $"{summary.Comments}");
        table.AddRow("labels", $"{summary.Labels}");
        if (summary.Export is { Posts: > 0 } or { Pages: > 0 } or { Comments: > 0 } or { Settings: > 0 })
        {
            var export = summary.Export;
            table.AddRow("export: posts, pages, comments", $"{export.Posts}, {export.Pages}, {export.Comments} ({export.Drafts} drafts among the posts and pages)");
            table.AddRow("export: not stored", $"{export.Settings} settings, {export.Templates} template, {export.Skipped} unreadable entries");
        }

        table.AddRow("warnings", $"{summary.Warnings}");
        table.AddRow("search index", summary.SearchIndexRebuildTime switch
        {
            null => "kept in step",
            { } install when summary.SearchIndexBuiltAlongside => $"built during the import, installed in {install.TotalSeconds:F1} s",
            { } rebuild => $"rebuilt in {rebuild.TotalSeconds:F1} s",
        });
        table.AddRow("failures", summary.Failures.Count == 0 ? "0" : $"[red]{summary.Failures.Count}[/]");
        AnsiConsole.Write(table);
        foreach (var message in summary.Failures.SelectMany(f => f.Messages))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{message}[/]");
        }
    }

    /// <summary>Logs a progress line every two seconds, so long imports show they are moving.</summary>
    private sealed class ProgressLog(Stopwatch clock) : IProgress<FileImportResult>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
        private TimeSpan _lastReport;
        private int _files;
        private int _posts;

        public void Report(FileImportResult value)
        {
            _files++;
            _posts += value.PostsNew + value.PostsUpdated + value.PostsUnchanged;
            if (clock.Elapsed - _lastReport < Interval)
            {
                return;
            }

            _lastReport = clock.Elapsed;
            Log.Information("Imported {Files} files, {Posts} posts so far ({Rate:F0} files/s)", _files, _posts, _files / clock.Elapsed.TotalSeconds);
        }
    }
}
