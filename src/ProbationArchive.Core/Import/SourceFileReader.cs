using System.Security.Cryptography;
using System.Text;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Reads a file to import, with its content hash. A file whose text starts with '&lt;' is taken for
/// a Blogger export: it is only hashed here, as a stream, and read later by the export reader,
/// whatever its size. Anything else is a saved page, read whole as strict UTF-8.
/// </summary>
public static class SourceFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private const int SniffBytes = 512;

    /// <param name="IsExport">The file is XML, to be read by the export reader; <see cref="Text"/> is then null.</param>
    public sealed record Content(string Hash, string? Text, Diagnostic? Error, bool IsExport = false);

    public static async Task<Content> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            if (await IsXmlAsync(path, cancellationToken))
            {
                await using var export = File.OpenRead(path);
                return new Content(Convert.ToHexStringLower(await SHA256.HashDataAsync(export, cancellationToken)), null, null, IsExport: true);
            }

            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                return Fail($"the file is {length:N0} bytes, over the {maxBytes:N0}-byte limit for one page (Import:MaxFileBytes)");
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read the file: {e.Message}", "unreadable");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var nul = bytes.AsSpan().IndexOf((byte)0);
        if (nul >= 0)
        {
            return new Content(hash, null, new Diagnostic(LineOf(bytes, nul), DiagnosticSeverity.Error, "binary",
                $"byte {nul} is NUL: the file is binary, not a saved page"));
        }

        try
        {
            return new Content(hash, StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException e)
        {
            return new Content(hash, null, new Diagnostic(LineOf(bytes, e.Index), DiagnosticSeverity.Error, "invalid-utf8",
                $"byte {e.Index} is not valid UTF-8; pages must be saved as UTF-8 text"));
        }

        static int LineOf(byte[] bytes, int offset) => 1 + bytes.AsSpan(0, Math.Clamp(offset, 0, bytes.Length)).Count((byte)'\n');

        static Content Fail(string message, string code = "too-large") =>
            new("", null, new Diagnostic(1, DiagnosticSeverity.Error, code, message));
    }

    private static async Task<bool> IsXmlAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var start = new byte[SniffBytes];
        var read = await stream.ReadAtLeastAsync(start, SniffBytes, throwOnEndOfStream: false, cancellationToken);
        return Parsing.Blogger.BloggerExportReader.LooksLikeXml(Encoding.UTF8.GetString(start, 0, read));
    }
}
