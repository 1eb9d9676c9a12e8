namespace ProbationArchive.Web.Reading;

/// <summary>
/// The names in "/label/A+B" that are no label of the archive, and those that are. The label page
/// sets it as a request feature before answering 404; the "not found" page, re-executed in the
/// same request, reads it to say which label is unknown.
/// </summary>
public sealed record UnknownLabels(IReadOnlyList<string> Names, IReadOnlyList<string> Known);
