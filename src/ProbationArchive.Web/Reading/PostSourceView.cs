using System.Globalization;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Web.Reading;

/// <summary>One saved page a post was read from, for the "Source" section at the foot of the post.</summary>
/// <param name="SourcePath">The path the file was imported from: only its name is shown, the folders are the server's.</param>
/// <param name="Line">The line of the file the post starts on.</param>
public sealed record PostSourceView(string SourcePath, int Line, PageKind PageKind, string? Label, DateTime ImportedAtUtc)
{
    public string FileName => Path.GetFileName(SourcePath);

    public bool IsLabelPage => PageKind == PageKind.LabelPage;

    /// <summary>What kind of page it was, as a reader would say it.</summary>
    public string Description => PageKind switch
    {
        PageKind.SinglePost => "the post's own page",
        PageKind.FlattenedPost => "the post's own page, its comment markup flattened",
        PageKind.LabelPage => $"the label page for {Label}",
        _ => "a page that could not be read whole",
    };

    public string ImportedIso => ImportedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public string ImportedWritten => ImportedAtUtc.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
