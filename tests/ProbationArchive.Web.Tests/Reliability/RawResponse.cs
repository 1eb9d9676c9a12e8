namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>An HTTP response as it came off the socket.</summary>
internal sealed record RawResponse(int Status, string Head, string Body)
{
    public bool IsClientError => Status is >= 400 and < 500;

    public override string ToString() => $"{Status}\n{Head}\n\n{(Body.Length > 400 ? Body[..400] + "..." : Body)}";
}
