namespace ProbationArchive.Core.Tests.Import;

/// <summary>
/// One hostile or broken import input: how to lay it out under a folder, and what the importer
/// must say. <see cref="ErrorCode"/> set: the input is refused at <see cref="Line"/>; otherwise it
/// is imported with exactly <see cref="WarningCodes"/>.
/// </summary>
public sealed record BadInputCase(string Name, Func<string, string[]> Arrange, string? ErrorCode = null, int Line = 1, string[]? WarningCodes = null)
{
    public override string ToString() => Name;
}
