using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>Reads what the archive holds about a page, in bulk, for the planner: one implementation per provider.</summary>
internal interface IStoredPageReader : IDisposable
{
    /// <summary>The record of the file last imported from this path.</summary>
    StoredFileRecord? FindFile(string path);

    StoredPage Read(ParsedPage page, StoredFileRecord? file);

    /// <summary>What the archive holds about one post of an export, the export's file record being <paramref name="file"/>.</summary>
    StoredPage ReadExportPost(ParsedPost post, StoredSourceFile? file);

    StoredSourceFile StoredFile(StoredFileRecord file);
}

/// <summary>The record of a file imported before: its hash (unchanged files are skipped), its label and how many posts it held.</summary>
internal sealed record StoredFileRecord(int Id, string ContentHash, string? Label, int? LabelId, int Posts);
