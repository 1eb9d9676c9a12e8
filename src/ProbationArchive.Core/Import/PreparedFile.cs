using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import;

/// <summary>A file read, hashed and parsed, ready to be stored; or the reason it cannot be.</summary>
internal sealed record PreparedFile(string Path, SourceFileReader.Content Content, ParsedPage? Page)
{
    public static PreparedFile Failed(string path, Diagnostic error) => new(path, new SourceFileReader.Content("", null, error), null);

    public static async Task<PreparedFile> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        path = System.IO.Path.GetFullPath(path);
        var content = await SourceFileReader.ReadAsync(path, maxBytes, cancellationToken);
        return new PreparedFile(path, content, content.Text is null || content.IsExport ? null : BlogPageParser.Parse(content.Text));
    }
}
