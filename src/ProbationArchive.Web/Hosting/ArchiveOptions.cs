using System.ComponentModel.DataAnnotations;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// The web app's settings, from the "Archive" configuration section, bound and validated once at
/// start (docs/configuration.md lists every key with its default and the test that shows its effect).
/// </summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    public const int MaxPageSize = 100;

    /// <summary>Posts per page on the home, label and date archive pages.</summary>
    [Range(1, MaxPageSize)]
    public int PageSize { get; set; } = 10;

    /// <summary>Whole pages are kept in memory until the archive changes (docs/PERFORMANCE.md).</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>Requests rendered at once; the rest wait their turn (<see cref="PageConcurrency"/>).</summary>
    [Range(1, int.MaxValue)]
    public int MaxConcurrentRequests { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>Requests that may wait for a turn; past these the answer is 503.</summary>
    [Range(0, int.MaxValue)]
    public int MaxQueuedRequests { get; set; } = 4096;

    /// <summary>An empty archive is filled from the built-in corpus at start.</summary>
    public bool ImportSeedsWhenEmpty { get; set; } = true;

    /// <summary>Where the built-in corpus is; by default the seeds/ folder beside the executable.</summary>
    public string SeedsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "seeds");
}
