using Microsoft.Data.Sqlite;
using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// Applies a <see cref="PagePlan"/> as it stands, with one prepared statement per kind of row
/// change (<see cref="ArchiveStatements"/>). It decides nothing: which rows are new, changed or
/// gone is the plan's. Runs in the connection's open transaction (<see cref="ImportRun"/>).
/// </summary>
internal sealed class PlanWriter(SqliteConnection connection) : IDisposable
{
    private readonly ArchiveStatements _sql = new(connection);
    private readonly List<long> _commentIds = [];

    /// <param name="added">When not null, receives the search entries of every post and comment inserted.</param>
    /// <returns>The source file's id.</returns>
    public int Write(PagePlan plan, List<SearchEntryRow>? added)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fileId = WriteFile(plan);
        var labelId = plan.Label switch
        {
            null => (long?)null,
            { Id: { } id } => id,
            { } label => _sql.InsertLabel.Bind(1, label.Name).Insert(),
        };

        foreach (var post in plan.Posts)
        {
            var postId = WritePost(post, added);
            if (post.AddLabel)
            {
                _sql.InsertPostLabel.Bind(1, postId).Bind(2, labelId!.Value).Execute();
            }

            var link = post.Link.IsStored ? _sql.UpdatePostSource : _sql.InsertPostSource;
            link.Bind(1, postId).Bind(2, fileId).Bind(3, post.Link.Position).Bind(4, post.Link.Line).Execute();
            if (post.Thread is { } thread)
            {
                WriteThread(postId, thread, added);
            }
        }

        foreach (var removal in plan.Removals)
        {
            _sql.DeletePostSource.Bind(1, removal.PostId).Bind(2, fileId).Execute();
            if (removal.LabelId is { } removedLabel)
            {
                _sql.DeletePostLabel.Bind(1, removal.PostId).Bind(2, removedLabel).Execute();
            }
        }

        return (int)fileId;
    }

    private long WriteFile(PagePlan plan)
    {
        var file = plan.File;
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

        foreach (var warning in plan.Warnings)
        {
            _sql.InsertDiagnostic.Bind(1, fileId).Bind(2, warning.Line).Bind(3, warning.Severity.ToString())
                .Bind(4, warning.Code).Bind(5, warning.Message).Execute();
        }

        return fileId;
    }

    private long WritePost(PostPlan post, List<SearchEntryRow>? added)
    {
        if (post.Row is not { } row)
        {
            return post.Id!.Value;
        }

        var statement = post.Id is null ? _sql.InsertPost : _sql.UpdatePost;
        statement.Bind(1, row.IdentityKey).Bind(2, row.Title).Bind(3, row.TitleIsDerived).Bind(4, row.PublishedOn)
            .Bind(5, row.Slug).Bind(6, row.Permalink).Bind(7, row.Body).Bind(8, (long?)row.DeclaredCommentCount);
        if (post.Id is { } id)
        {
            statement.Bind(9, id).Execute();
            return id;
        }

        var postId = statement.Insert();
        added?.Add(new SearchEntryRow(-postId, row.Title, row.Body));
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
                    _sql.UpdateComment.Bind(1, parentId).Bind(2, comment.Position).Bind(3, comment.Text).Bind(4, comment.SourceLine).Bind(5, storedId).Execute();
                }

                _commentIds.Add(storedId);
                continue;
            }

            var id = _sql.InsertComment.Bind(1, postId).Bind(2, parentId).Bind(3, comment.Position)
                .Bind(4, comment.ThreadPath).Bind(5, comment.Text).Bind(6, comment.SourceLine).Insert();
            added?.Add(new SearchEntryRow(id, "", comment.Text));
            _commentIds.Add(id);
        }
    }

    public void Dispose() => _sql.Dispose();
}
