using Microsoft.Data.Sqlite;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// Applies plans as they stand, with one prepared statement per kind of row change
/// (<see cref="ArchiveStatements"/>). It decides nothing: which rows are new, changed or gone is
/// the plan's. Runs in the connection's open transaction (<see cref="ImportRun"/>).
/// </summary>
internal sealed class PlanWriter(SqliteConnection connection) : IDisposable
{
    private readonly ArchiveStatements _sql = new(connection);
    private readonly List<long> _commentIds = [];
    private readonly List<long> _labelIds = [];

    /// <summary>A saved page: its file, its posts, and the posts it no longer holds.</summary>
    /// <param name="added">When not null, receives the search entries of every post and comment inserted.</param>
    /// <returns>The source file's id.</returns>
    public int Write(PagePlan plan, List<SearchEntryRow>? added)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fileId = WriteFile(plan.File, plan.Warnings);
        WritePosts(fileId, plan.Content, added);
        WriteRemovals(fileId, plan.Removals);
        return fileId;
    }

    /// <summary>The file's record, with its warnings in place of those of its last import.</summary>
    public int WriteFile(SourceFileRow file, IReadOnlyList<Diagnostic> warnings)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(warnings);
        var statement = file.Id is null ? _sql.InsertSourceFile : _sql.UpdateSourceFile;
        statement.Bind(1, file.Path).Bind(2, file.ContentHash).Bind(3, file.ImportedAtUtc)
            .Bind(4, file.Outcome.ToString()).Bind(5, file.PageKind.ToString()).Bind(6, file.Label);
        long fileId;
        if (file.Id is { } id)
        {
            statement.Bind(7, id).Execute();
            _sql.DeleteDiagnostics.Bind(1, id).Execute();
            fileId = id;
        }
        else
        {
            fileId = statement.Insert();
        }

        foreach (var warning in warnings)
        {
            _sql.InsertDiagnostic.Bind(1, fileId).Bind(2, warning.Line).Bind(3, warning.Severity.ToString())
                .Bind(4, warning.Code).Bind(5, warning.Message).Execute();
        }

        return (int)fileId;
    }

    /// <returns>The ids of the posts written.</returns>
    public List<int> WritePosts(int fileId, PostsPlan plan, List<SearchEntryRow>? added)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var written = new List<int>(plan.Posts.Count);
        _labelIds.Clear();
        foreach (var label in plan.Labels)
        {
            _labelIds.Add(label.Id ?? _sql.InsertLabel.Bind(1, label.Name).Insert());
        }

        foreach (var post in plan.Posts)
        {
            var postId = WritePost(post, added);
            written.Add((int)postId);
            foreach (var label in post.AddLabels)
            {
                _sql.InsertPostLabel.Bind(1, postId).Bind(2, _labelIds[label]).Execute();
            }

            var link = post.Link.IsStored ? _sql.UpdatePostSource : _sql.InsertPostSource;
            link.Bind(1, postId).Bind(2, fileId).Bind(3, post.Link.Position).Bind(4, post.Link.Line).Execute();
            if (post.Thread is { } thread)
            {
                WriteThread(postId, thread, post.Row?.IsDraft == true ? null : added);
            }
        }

        return written;
    }

    public void WriteRemovals(int fileId, IReadOnlyList<LinkRemoval> removals)
    {
        ArgumentNullException.ThrowIfNull(removals);
        foreach (var removal in removals)
        {
            _sql.DeletePostSource.Bind(1, removal.PostId).Bind(2, fileId).Execute();
            if (removal.LabelId is { } removedLabel)
            {
                _sql.DeletePostLabel.Bind(1, removal.PostId).Bind(2, removedLabel).Execute();
            }
        }
    }

    private long WritePost(PostPlan post, List<SearchEntryRow>? added)
    {
        if (post.Row is not { } row)
        {
            return post.Id!.Value;
        }

        var statement = post.Id is null ? _sql.InsertPost : _sql.UpdatePost;
        statement.Bind(1, row.IdentityKey).Bind(2, row.Title).Bind(3, row.TitleIsDerived).Bind(4, row.PublishedOn)
            .Bind(5, row.Slug).Bind(6, row.Permalink).Bind(7, row.Body).Bind(8, (long?)row.DeclaredCommentCount)
            .Bind(9, row.Kind.ToString()).Bind(10, row.IsDraft).Bind(11, row.BloggerId).Bind(12, row.PublishedAt)
            .Bind(13, row.BodyFormat.ToString()).Bind(14, row.SearchText).Bind(15, row.AuthorName).Bind(16, row.AuthorUri);
        if (post.Id is { } id)
        {
            statement.Bind(17, id).Execute();
            return id;
        }

        var postId = statement.Insert();
        if (!row.IsDraft)
        {
            added?.Add(new SearchEntryRow(-postId, row.Title, row.SearchText ?? row.Body));
        }

        return postId;
    }

    private void WriteThread(long postId, ThreadPlan thread, List<SearchEntryRow>? added)
    {
        foreach (var removed in thread.Removed)
        {
            _sql.DeleteComment.Bind(1, removed).Execute();
        }

        // Ids by index in the plan: parents come before their replies.
        _commentIds.Clear();
        foreach (var comment in thread.Comments)
        {
            var parentId = comment.ParentIndex < 0 ? (long?)null : _commentIds[comment.ParentIndex];
            if (comment.StoredId is { } storedId)
            {
                if (comment.Changed)
                {
                    Bind(_sql.UpdateComment, postId, parentId, comment).Bind(13, storedId).Execute();
                }

                _commentIds.Add(storedId);
                continue;
            }

            var id = Bind(_sql.InsertComment, postId, parentId, comment).Insert();
            added?.Add(new SearchEntryRow(id, "", comment.Content.SearchText ?? comment.Text));
            _commentIds.Add(id);
        }
    }

    private static SqliteStatement Bind(SqliteStatement statement, long postId, long? parentId, CommentRow comment)
    {
        var content = comment.Content;
        return statement.Bind(1, postId).Bind(2, parentId).Bind(3, comment.Position).Bind(4, comment.ThreadPath).Bind(5, comment.Text)
            .Bind(6, comment.SourceLine).Bind(7, content.BloggerId).Bind(8, content.AuthorName).Bind(9, content.AuthorUri)
            .Bind(10, content.PublishedAt).Bind(11, content.Format.ToString()).Bind(12, content.SearchText);
    }

    public void Dispose() => _sql.Dispose();
}
