namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// What an import run needs of one database, SQLite's or PostgreSQL's: the connection and its
/// settings for the run, the reader of stored state, the writer of plans, the commit groups with
/// each file's savepoint, and the search index's state. <see cref="ImportRun"/> holds the rules of
/// a run (what is skipped, planned, written, rolled back, reported) once, over either store
/// (ADR-003: the first place an interface with two implementations pays).
/// </summary>
internal interface IImportStore : IAsyncDisposable
{
    IStoredPageReader Reader { get; }

    IPlanWriter Writer { get; }

    CommitGroup Group { get; }

    ISearchIndexDuringImport Index { get; }

    /// <summary>Where the images exports name are listed (<c>{archive}.external-images.tsv</c>); null for none.</summary>
    string? ImageInventoryPath { get; }
}
