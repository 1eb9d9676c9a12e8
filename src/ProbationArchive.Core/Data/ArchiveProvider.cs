namespace ProbationArchive.Core.Data;

/// <summary>Which database holds the archive (<c>Archive:Provider</c>).</summary>
public enum ArchiveProvider
{
    /// <summary>One SQLite file: the default, for one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by any number of web nodes (docs/SCALING.md).</summary>
    PostgreSql,
}
