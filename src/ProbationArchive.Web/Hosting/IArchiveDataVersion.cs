namespace ProbationArchive.Web.Hosting;

/// <summary>
/// The archive's data version, checked before every output-cache lookup (<see cref="OutputCaching"/>):
/// it changes whenever anyone, in any process on any node, has committed a change to what pages
/// show. SQLite's is <c>PRAGMA data_version</c> (<see cref="SqliteDataVersion"/>), PostgreSQL's a
/// version row its transactions bump and notify (<see cref="PostgreSqlDataVersion"/>).
/// </summary>
internal interface IArchiveDataVersion : IDisposable
{
    /// <summary>
    /// The current version and, when it moved since the last call, the version it replaced (null
    /// when it did not move, or on the first call); null when it cannot be told just now, in which
    /// case no cached page can be shown to be current.
    /// </summary>
    (string Version, string? Replaced)? Check();

    /// <summary>
    /// The current version, without taking a change from <see cref="Check"/> (the output cache's):
    /// for what is computed once per version (<see cref="Reading.ArchiveFacts"/>). Null when it cannot be told just now.
    /// </summary>
    long? Current();
}
