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
}
