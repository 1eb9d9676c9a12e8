using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Import.Storage;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Search;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Import.Storage;

/// <summary>The writer applies a plan as it stands, to a real migrated archive; no merge rule is involved.</summary>
public sealed class PlanWriterTests
{
    private static readonly DateTime ImportedAt = new(2026, 12, 1, 12, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Write_NewPage_InsertsEveryRowWithParentsAndReportsWhatToIndex()
    {
        await using var archive = await TestArchive.CreateAsync();
        var thread = new ThreadPlan(
            [new CommentRow(null, -1, "1", 0, "Parent.", 9, true), new CommentRow(null, 0, "1.1", 1, "Reply.", 12, true), new CommentRow(null, -1, "2", 2, "Second.", 15, true)],
            []);
        var post = new PostPlan(null, PostChange.New, Row("2019/06/a-post", "Body."), [0], new LinkRow(0, 1, IsStored: false), thread);
        var plan = new PagePlan(File(null), [new Diagnostic(7, DiagnosticSeverity.Warning, "count-mismatch", "says 3")], new PostsPlan([new LabelRow(null, "Napo")], [post]), []);
        var added = new List<SearchEntryRow>();

        var fileId = await WriteAsync(archive, plan, added);

        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        var stored = await db.Posts.Include(p => p.Labels).Include(p => p.Sources).Include(p => p.Comments).SingleAsync(ct);
        Assert.Equal(("A Post", "2019/06/a-post", new DateOnly(2019, 6, 11), 3), (stored.Title, stored.Permalink, stored.PublishedOn, stored.DeclaredCommentCount));
        Assert.Equal("Napo", Assert.Single(stored.Labels).Name);
        Assert.Equal((fileId, 0, 1), (Assert.Single(stored.Sources).SourceFileId, stored.Sources[0].PositionInFile, stored.Sources[0].Line));
        var comments = stored.Comments.OrderBy(c => c.Position).ToList();
        Assert.Equal([null, comments[0].Id, null], comments.Select(c => c.ParentId));
        var file = await db.SourceFiles.Include(f => f.Diagnostics).SingleAsync(ct);
        Assert.Equal((ImportOutcome.ImportedWithWarnings, PageKind.SinglePost, ImportedAt), (file.Outcome, file.PageKind, file.ImportedAtUtc));
        Assert.Equal(("count-mismatch", DiagnosticSeverity.Warning), (Assert.Single(file.Diagnostics).Code, file.Diagnostics[0].Severity));
        Assert.Equal([-stored.Id, .. comments.Select(c => (long)c.Id)], added.Select(e => e.Rowid));
    }

    [Fact]
    public async Task Write_ChangesToStoredRows_UpdatesRemovesAndUnlinksAsPlanned()
    {
        await using var archive = await TestArchive.CreateAsync();
        var first = new PostPlan(null, PostChange.New, Row("2019/06/a-post", "Body."), [0], new LinkRow(0, 1, false),
            new ThreadPlan([new CommentRow(null, -1, "1", 0, "Kept.", 9, true), new CommentRow(null, -1, "2", 1, "Edited.", 12, true), new CommentRow(null, -1, "3", 2, "Gone.", 15, true)], []));
        var second = new PostPlan(null, PostChange.New, Row("2019/06/other", "Other."), [0], new LinkRow(1, 20, false), null);
        var fileId = await WriteAsync(archive, new PagePlan(File(null), [], new PostsPlan([new LabelRow(null, "Napo")], [first, second]), []), null);
        var (postId, otherId, labelId, commentIds) = await IdsAsync(archive);

        var thread = new ThreadPlan([new CommentRow(commentIds[0], -1, "1", 0, "Kept.", 9, false), new CommentRow(commentIds[1], -1, "2", 1, "Now edited.", 12, true)], [commentIds[2]]);
        var update = new PostPlan(postId, PostChange.Updated, Row("2019/06/a-post", "New body."), [], new LinkRow(0, 3, IsStored: true), thread);
        await WriteAsync(archive, new PagePlan(File(fileId), [], new PostsPlan([new LabelRow(labelId, "Napo")], [update]), [new LinkRemoval(otherId, labelId)]), null);

        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("New body.", (await db.Posts.SingleAsync(p => p.Id == postId, ct)).Body);
        Assert.Equal([(commentIds[0], "Kept."), (commentIds[1], "Now edited.")], await db.Comments.OrderBy(c => c.Position).Select(c => new ValueTuple<int, string>(c.Id, c.Text)).ToListAsync(ct));
        Assert.Equal(3, (await db.PostSources.SingleAsync(ct)).Line);
        Assert.Equal([postId], await db.PostLabels.Select(pl => pl.PostId).ToListAsync(ct));
        Assert.Empty(await db.ImportDiagnostics.ToListAsync(ct));
    }

    [Fact]
    public void InsertedColumns_NameEveryColumnTheModelMapsExceptGeneratedKeys()
    {
        using var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite("Data Source=:memory:").Options);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var generated = entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd } key] ? key : null;
            var mapped = entity.GetProperties().Where(p => p != generated).Select(p => p.GetColumnName()).Order(StringComparer.Ordinal);
            Assert.True(ArchiveStatements.InsertedColumns.TryGetValue(table, out var inserted), $"the writer does not insert into {table}");
            Assert.Equal(mapped, inserted.Order(StringComparer.Ordinal));
        }
    }

    private static SourceFileRow File(int? id) =>
        new(id, "/pages/a.txt", "hash", ImportedAt, id is null ? ImportOutcome.ImportedWithWarnings : ImportOutcome.Imported, PageKind.SinglePost, null);

    private static PostRow Row(string permalink, string body) =>
        new($"2019-06-11|{permalink}", permalink.EndsWith("a-post", StringComparison.Ordinal) ? "A Post" : "Other", false, new DateOnly(2019, 6, 11),
            permalink.Split('/')[^1], permalink, body, 3);

    private static async Task<int> WriteAsync(TestArchive archive, PagePlan plan, List<SearchEntryRow>? added)
    {
        await using var connection = new SqliteConnection($"Data Source={archive.DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var writer = new PlanWriter(connection);
        await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var fileId = writer.Write(plan, added);
        await transaction.CommitAsync(TestContext.Current.CancellationToken);
        return fileId;
    }

    private static async Task<(int Post, int Other, int Label, int[] Comments)> IdsAsync(TestArchive archive)
    {
        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        var posts = await db.Posts.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return (posts[0], posts[1], await db.Labels.Select(l => l.Id).SingleAsync(ct), [.. await db.Comments.OrderBy(c => c.Position).Select(c => c.Id).ToListAsync(ct)]);
    }
}
