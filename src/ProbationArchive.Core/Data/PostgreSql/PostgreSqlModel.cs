using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Data.PostgreSql;

/// <summary>
/// Where the one model needs PostgreSQL to behave as SQLite does, so both providers store and
/// compare the same values (applied only when the context runs on Npgsql):
/// <list type="bullet">
/// <item>label names compare case-insensitively (SQLite's NOCASE): an ICU collation;</item>
/// <item>permalinks compare byte by byte (SQLite's default): the importer finds "a-2", "a-3"… as one index range;</item>
/// <item>publication times keep the offset the export wrote them with (timestamptz would keep only the instant), as text, the way SQLite stores them;</item>
/// <item>the date index keeps NULLs first, so "newest first, undated last" (NULLS LAST, see ReverseNullOrdering) reads it backwards without a sort.</item>
/// </list>
/// </summary>
internal static class PostgreSqlModel
{
    public const string CaseInsensitive = "archive_nocase";

    /// <summary>The text form EF Core's SQLite provider gives a <see cref="DateTimeOffset"/>.</summary>
    private const string OffsetFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";

    private static readonly ValueConverter<DateTimeOffset, string> OffsetAsText = new(
        v => v.ToString(OffsetFormat, CultureInfo.InvariantCulture),
        s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture));

    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.HasCollation(CaseInsensitive, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        modelBuilder.Entity<Label>().Property(l => l.Name).UseCollation(CaseInsensitive);
        modelBuilder.Entity<Post>().Property(p => p.Permalink).UseCollation("C");
        modelBuilder.Entity<Post>().HasIndex(p => p.PublishedOn).HasNullSortOrder(NullSortOrder.NullsFirst);
        modelBuilder.Entity<Post>().Property(p => p.PublishedAt).HasConversion(OffsetAsText).HasColumnType("text");
        modelBuilder.Entity<Comment>().Property(c => c.PublishedAt).HasConversion(OffsetAsText).HasColumnType("text");
    }

    public static string FormatOffset(DateTimeOffset? value) => value?.ToString(OffsetFormat, CultureInfo.InvariantCulture)!;
}
