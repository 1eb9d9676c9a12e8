using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>Nobody writes through the web: no endpoint takes a writing method, no page has a handler for one, and trying gets 405.</summary>
public sealed partial class WritingEndpointTests(LoopbackArchiveFixture server) : IClassFixture<LoopbackArchiveFixture>
{
    private static readonly string[] ReadingMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Every kind of page, plus the addresses of pages that are only ever re-executed.</summary>
    private static readonly string[] PageAddresses =
    [
        "/", "/?page=2", "/labels", "/labels?sort=count", "/label/PO", "/2018", "/2018/11", Seeds.Napo179, Seeds.Napo179 + ".html",
        Seeds.Undated, "/undated", "/NotFound", "/Error",
    ];

    [Fact]
    public void EveryEndpoint_AnswersOnlyGetAndHead()
    {
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        // The list is the app's own: it holds the reading pages.
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "labels");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "undated/{slug}");
        var open = endpoints
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods is not { Count: > 0 } methods || methods.Except(ReadingMethods, StringComparer.OrdinalIgnoreCase).Any())
            .Select(e => $"/{e.Endpoint.RoutePattern.RawText} ({e.Endpoint.DisplayName}): {(e.Methods is { Count: > 0 } m ? string.Join(", ", m) : "any method")}")
            .ToList();
        Assert.True(open.Count == 0, "Endpoints that take more than GET and HEAD:\n" + string.Join('\n', open));
    }

    [Fact]
    public void NoPageOrController_HasAHandlerForAWritingMethod()
    {
        var types = typeof(Program).Assembly.GetTypes();
        var pages = types.Where(t => typeof(PageModel).IsAssignableFrom(t) || typeof(PageBase).IsAssignableFrom(t)).ToList();

        Assert.Contains(pages, t => t.Name == "PostModel");
        var handlers = pages
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => WritingHandler().IsMatch(m.Name))
                .Select(m => $"{t.FullName}.{m.Name}"))
            .ToList();
        Assert.Empty(handlers);
        Assert.DoesNotContain(types, t => typeof(ControllerBase).IsAssignableFrom(t));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    public async Task AWritingOrUnusedMethod_ToAnyPage_IsRefusedWith405(string method)
    {
        using var client = server.CreateClient();
        var answers = new List<string>();
        foreach (var address in PageAddresses)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), address);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new FormUrlEncodedContent([new("title", "<script>alert(1)</script>"), new("body", "spam")]);
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            answers.Add($"{method} {address}: {(int)response.StatusCode} allow={string.Join(",", response.Content.Headers.Allow)}");
        }

        Assert.All(answers, a => Assert.Matches(@": 405 allow=GET,HEAD$", a));
    }

    [Theory]
    [InlineData("POST", "/css/site.css")]
    [InlineData("PUT", "/favicon.svg")]
    [InlineData("DELETE", "/no/such/page")]
    [InlineData("POST", "/import")]
    [InlineData("PUT", "/archive.db")]
    public async Task AWritingMethod_ToFilesAndUnknownAddresses_IsAClientError(string method, string address)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), address) { Content = new StringContent("overwrite") };

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.InRange((int)response.StatusCode, 400, 499);
        using var css = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.DoesNotContain("overwrite", await css.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [GeneratedRegex("^On(Post|Put|Patch|Delete)", RegexOptions.CultureInvariant)]
    private static partial Regex WritingHandler();
}
