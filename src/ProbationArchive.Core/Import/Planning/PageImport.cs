using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Planning;

/// <summary>A parsed page without errors, and what is recorded of the file it came from.</summary>
public sealed record PageImport(string Path, string ContentHash, DateTime ImportedAtUtc, ParsedPage Page);
