using System.Net;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Operations;

/// <summary>The balancer's probes, and the headers every answer carries.</summary>
public sealed class HealthTests(ArchiveWebFactory factory)
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Probes_AnswerHealthy_AndAreNotCached(string url)
    {
        var client = factory.CreateReader();

        Assert.Equal(0, await factory.CountCommandsAsync(client, "/healthz"));
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(response.Headers.Contains("Age"));
    }

    [Fact]
    public async Task EveryAnswer_DeniesPowerfulFeatures()
    {
        using var response = await factory.CreateReader().GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        var policy = response.Headers.GetValues("Permissions-Policy").Single();
        Assert.Contains("camera=()", policy, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("*", policy, StringComparison.Ordinal);
    }
}
