using System.Net;

namespace ProbationArchive.Web.Tests.Support;

/// <summary>
/// The SQL commands one request costs. Requests must run one at a time, against a factory whose
/// <see cref="ArchiveWebFactory.Commands"/> no other test class shares (a class fixture of its own).
/// </summary>
public static class CommandCounts
{
    public static async Task<int> CountCommandsAsync(this ArchiveWebFactory factory, HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(client);
        factory.Commands.Reset();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        _ = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        return factory.Commands.Count;
    }

    /// <summary>
    /// The commands of a page the output cache does not hold, once what is computed per data
    /// version (ArchiveFacts) is: the same page is asked first with a parameter it ignores, which
    /// is another cache entry (the cache varies by every query key) but the same facts.
    /// </summary>
    public static async Task<int> CountCommandsOnceFactsAreKnownAsync(this ArchiveWebFactory factory, HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using (var warm = await client.GetAsync(new Uri(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "facts=warm", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(expected, warm.StatusCode);
        }

        return await factory.CountCommandsAsync(client, url, expected);
    }
}
