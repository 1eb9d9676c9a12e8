using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Blogger;

/// <summary>
/// The images exports name, which the archive links to but never loads: written beside the
/// archive as "{archive}.external-images.tsv" (image address, tab, the address of the post that
/// names it), so they can be fetched and archived later. Each run adds what it met to the file,
/// once per pair; images of a file that failed are not listed.
/// </summary>
internal sealed class ExternalImageInventory(string? archivePath)
{
    private readonly List<(string Image, string Post)> _pending = [];
    private readonly List<(string Image, string Post)> _kept = [];

    public void Note(ParsedPost post, string? permalink)
    {
        foreach (var image in post.Blogger?.Images ?? [])
        {
            _pending.Add((image, permalink is null ? "" : "/" + permalink));
        }
    }

    public void Keep()
    {
        _kept.AddRange(_pending);
        _pending.Clear();
    }

    public void Forget() => _pending.Clear();

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (archivePath is null || _kept.Count == 0)
        {
            return;
        }

        var path = archivePath + ".external-images.tsv";
        var lines = File.Exists(path) ? [.. await File.ReadAllLinesAsync(path, cancellationToken)] : new List<string>();
        var known = lines.ToHashSet(StringComparer.Ordinal);
        lines.AddRange(_kept.Select(i => $"{Clean(i.Image)}\t{Clean(i.Post)}").Where(known.Add));
        await File.WriteAllLinesAsync(path, lines, cancellationToken);
    }

    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
