namespace ProbationArchive.Core.Parsing.Blogger;

/// <summary>What an export held, by kind: the settings and the template are counted, never stored.</summary>
public sealed class BloggerExportCounts
{
    public int Posts { get; set; }

    public int Pages { get; set; }

    public int Comments { get; set; }

    public int Drafts { get; set; }

    public int Settings { get; set; }

    public int Templates { get; set; }

    /// <summary>Entries that could not be read and were left out, each with a diagnostic.</summary>
    public int Skipped { get; set; }
}
