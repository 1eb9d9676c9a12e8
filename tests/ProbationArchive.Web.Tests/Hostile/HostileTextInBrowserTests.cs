using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Tests.Hostile;

/// <summary>
/// Over a hundred XSS vectors (xss-vectors.txt), imported by the real import command as titles,
/// body lines, comments and label names of saved pages in all three shapes, then read in a real
/// browser: no script runs (no dialog, no change to the DOM or window, no CSP refusal), nothing
/// is fetched from anywhere but the app, every response carries the security headers, and the
/// vectors are on the page as text.
/// </summary>
public sealed class HostileTextInBrowserTests(HostileArchiveFixture archive) : IClassFixture<HostileArchiveFixture>
{
    private static IReadOnlyList<string> Vectors => XssVectors.All;

    [Fact]
    public void EveryVector_WasImportedAsAPostOfItsOwn()
    {
        Assert.True(Vectors.Count >= 50, $"only {Vectors.Count} vectors");
        Assert.Equal(Vectors.Count, Vectors.Distinct(StringComparer.Ordinal).Count());
        // One post per vector, the omnibus, the flattened page's post, and the label pages' posts.
        // A post page per vector, the omnibus, the flattened page, the label pages' posts, and the export's post.
        Assert.Equal(Vectors.Count + 2 + (HostilePages.LabelNames.Length * HostilePages.PostsPerLabelPage) + 1, archive.PostCount);
        Assert.All(Enumerable.Range(0, Vectors.Count), i => Assert.True(
            archive.Addresses.ContainsKey((Vectors[i], HostilePages.PostDate(i))), $"no post titled {Vectors[i]}\n{archive.ImportOutput}"));
    }

    [Fact]
    public async Task EveryVectorsOwnPost_RunsNoScript_AndShowsTitleBodyAndCommentsAsText()
    {
        await using var reader = await HostileReader.OpenAsync(archive);
        var inertSeen = 0;
        for (var i = 0; i < Vectors.Count; i++)
        {
            var address = archive.Addresses[(Vectors[i], HostilePages.PostDate(i))];
            await reader.ReadAsync(address);

            // A title is plain text: every vector, character for character.
            Assert.Equal(Vectors[i], await reader.Page.Locator("#post-title").TextContentAsync());
            var body = await reader.Page.Locator(".post-body").TextContentAsync() ?? "";
            var comments = await reader.Page.Locator("#comments article > div").AllTextContentsAsync();
            Assert.Equal(3, comments.Count);
            foreach (var vector in HostilePages.Body(Vectors, i).Where(XssVectors.IsMarkdownInert))
            {
                Assert.Contains(vector, body, StringComparison.Ordinal);
                inertSeen++;
            }

            var expected = HostilePages.Comments(Vectors, i);
            for (var c = 0; c < expected.Length; c++)
            {
                if (XssVectors.IsMarkdownInert(expected[c]))
                {
                    Assert.Contains(expected[c], comments[c], StringComparison.Ordinal);
                }
            }
        }

        // Enough vectors went through Markdown untouched for the text check to mean something.
        Assert.True(inertSeen >= 40, $"only {inertSeen} body vectors checked as text");
    }

    [Fact]
    public async Task ThePostHoldingEveryVectorAtOnce_RunsNoScript_AndShowsThemAsText()
    {
        await using var reader = await HostileReader.OpenAsync(archive);

        await reader.ReadAsync(archive.Addresses[(HostilePages.OmnibusTitle, new DateOnly(2010, 6, 1))]);

        var body = await reader.Page.Locator(".post-body").TextContentAsync() ?? "";
        var comments = await reader.Page.Locator("#comments article > div").AllTextContentsAsync();
        Assert.Equal(Vectors.Count, comments.Count);
        Assert.All(Vectors.Where(XssVectors.IsMarkdownInert), v => Assert.Contains(v, body, StringComparison.Ordinal));
        Assert.All(Vectors.Select((v, i) => (v, i)).Where(x => XssVectors.IsMarkdownInert(x.v)), x => Assert.Contains(x.v, comments[x.i], StringComparison.Ordinal));
        // Links that survive are ordinary web links, marked as the commenters' own.
        var hrefs = await reader.Page.Locator("#comments article > div a").EvaluateAllAsync<string[]>("links => links.map(a => a.protocol + ' ' + a.rel)");
        Assert.All(hrefs, h => Assert.Matches("^(http:|https:|mailto:) nofollow ugc noopener$", h));
    }

    [Fact]
    public async Task AnExportsHtmlHoldingEveryVector_RunsNoScriptLoadsNothingAndKeepsOnlyWebLinks()
    {
        await using var reader = await HostileReader.OpenAsync(archive);

        await reader.ReadAsync(archive.Addresses[(HostileExport.Title, HostileExport.Date)]);

        Assert.Equal(Vectors.Count, await reader.Page.Locator("#comments article").CountAsync());
        Assert.Equal(0, await reader.Page.Locator(".post-body :is(img, iframe, frame, object, embed, script, svg, math, form, input, button, style, link, meta, base), #comments :is(img, iframe, frame, object, embed, script, svg, math, form, input, button, style, link, meta, base)").CountAsync());
        var hrefs = await reader.Page.Locator(".post-body a[href], #comments article > div a[href], #comments .byline a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.protocol + ' ' + a.rel)");
        Assert.All(hrefs, h => Assert.Matches("^(http:|https:|mailto:) nofollow ugc noopener$", h));
    }

    [Fact]
    public async Task TheFlattenedPage_WithADerivedHostileTitle_RunsNoScript_AndShowsItAsText()
    {
        await using var reader = await HostileReader.OpenAsync(archive);
        var address = Assert.Single(archive.Addresses, a => a.Key.Date is null).Value;

        await reader.ReadAsync(address);

        Assert.Equal(HostilePages.FlattenedOpening, await reader.Page.Locator("#post-title").TextContentAsync());
        Assert.Equal(Vectors.Count, await reader.Page.Locator("#comments article > div").CountAsync());
        Assert.Contains(HostilePages.FlattenedOpening, await reader.Page.Locator(".post-body").TextContentAsync() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsLabelsAndArchives_OfHostileTitlesAndLabels_RunNoScript_AndShowThemAsText()
    {
        await using var reader = await HostileReader.OpenAsync(archive);

        // Every page of the newest posts, following "older" links to the end.
        var titles = new List<string>();
        var next = "/";
        for (var pages = 0; next is not null && pages < 100; pages++)
        {
            await reader.ReadAsync(next);
            titles.AddRange(await reader.Page.Locator(".post-summary-title a").AllTextContentsAsync());
            next = await reader.Page.Locator("a[rel=next]").CountAsync() == 1 ? await reader.Page.Locator("a[rel=next]").GetAttributeAsync("href") : null;
        }

        Assert.Equal(archive.PostCount, titles.Count);
        Assert.Subset(titles.ToHashSet(StringComparer.Ordinal), Vectors.ToHashSet(StringComparer.Ordinal));

        await reader.ReadAsync(ArchiveUrls.Labels);
        var labelLinks = await reader.Page.Locator("main a[href^='/label/']").AllTextContentsAsync();
        for (var label = 0; label < HostilePages.LabelNames.Length; label++)
        {
            var name = HostilePages.LabelNames[label];
            Assert.Contains(labelLinks, text => text.Contains(name, StringComparison.Ordinal));
            await reader.ReadAsync(ArchiveUrls.Label(name));
            Assert.Contains(name, await reader.Page.Locator("main h1").TextContentAsync() ?? "", StringComparison.Ordinal);
            // Newest first: the label page's last post is listed first.
            Assert.Equal(HostilePages.LabelPostTitles(Vectors, label).Reverse(), await reader.Page.Locator(".post-summary-title a").AllTextContentsAsync());
        }

        foreach (var address in new[] { "/2005", "/2005/03", "/2009", "/undated", ArchiveUrls.Overview })
        {
            await reader.ReadAsync(address);
        }
    }

    [Theory]
    [InlineData("/%22%3E%3Cscript%3Ealert(1)%3C/script%3E")]
    [InlineData("/2005/01/%3Csvg%20onload=alert(1)%3E")]
    [InlineData("/label/%3Cimg%20src=x%20onerror=alert(1)%3E")]
    [InlineData("/undated/'%20autofocus%20onfocus='window.__xss=1")]
    public async Task NotFoundPages_ThatEchoAHostileAddress_RunNoScript(string address)
    {
        await using var reader = await HostileReader.OpenAsync(archive);

        await reader.ReadAsync(address, expectedStatus: 404);

        Assert.Contains(Uri.UnescapeDataString(address), await reader.Page.Locator("main").TextContentAsync() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("javascript:alert(1)")]
    public async Task SearchingForAVector_RunsNoScript(string query)
    {
        await using var reader = await HostileReader.OpenAsync(archive);

        await reader.ReadAsync("/search?q=" + Uri.EscapeDataString(query));
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/favicon.svg")]
    public async Task StaticFiles_AreNotSniffed(string address)
    {
        using var client = new HttpClient { BaseAddress = archive.BaseAddress };

        using var response = await client.GetAsync(new Uri(address, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
