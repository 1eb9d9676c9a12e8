namespace ProbationArchive.Web.Reading;

/// <summary>A comment as read from the store, before it is placed in its thread.</summary>
public sealed record CommentRow(int Id, int? ParentId, string ThreadPath, string Text);
