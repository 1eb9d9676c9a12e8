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

    /// <summary>The labels the posts carry, each name once.</summary>
    public HashSet<string> Labels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(BloggerExportCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Posts += other.Posts;
        Pages += other.Pages;
        Comments += other.Comments;
        Drafts += other.Drafts;
        Settings += other.Settings;
        Templates += other.Templates;
        Skipped += other.Skipped;
        Labels.UnionWith(other.Labels);
    }
}
