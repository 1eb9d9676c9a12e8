using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Tests.Parsing;

/// <summary>The JSON a parser case expects: everything the parser returns, diagnostics by line and code.</summary>
public static class ParsedPageSnapshot
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ToJson(ParsedPage page)
    {
        var snapshot = new
        {
            page.Kind,
            page.Label,
            Posts = page.Posts.Select(p => new
            {
                p.Line,
                Date = p.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.Title,
                p.TitleIsDerived,
                p.DeclaredCommentCount,
                p.CommentCount,
                p.Body,
                Comments = p.Comments.Select(Comment),
            }),
            Diagnostics = page.Diagnostics.Select(d => $"{d.Line} {d.Severity.ToString().ToLowerInvariant()} {d.Code}"),
        };
        return JsonSerializer.Serialize(snapshot, Options).ReplaceLineEndings("\n") + "\n";
    }

    private static object Comment(ParsedComment comment) => new
    {
        comment.Line,
        comment.Text,
        Replies = comment.Replies.Select(Comment),
    };
}
