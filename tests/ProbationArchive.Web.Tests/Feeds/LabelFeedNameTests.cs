using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Web.Reading;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Feeds;

/// <summary>
/// Label names with characters that addresses escape: the label page advertises its feed at an
/// address that finds the label again.
/// </summary>
public sealed class LabelFeedNameTests(LabelFeedNameTests.Archive archive) : IClassFixture<LabelFeedNameTests.Archive>
{
    public static readonly TheoryData<string> Names = ["CRC/NPS", "Napo News", "A+B", "Ver 1.0", "100%", "Ünïcode café"];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task LabelPage_AdvertisesAFeedThatFindsTheLabel(string name)
    {
        var client = archive.CreateReader();
        var page = await client.GetDocumentAsync(ArchiveUrls.Label(name));

        var href = page.One("head link[rel=alternate]").GetAttribute("href")!;
        var feed = await client.GetAtomAsync(href);

        Assert.Equal($"Probation Archive: posts with label {name}", feed.Title.Text);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Latest From Napo 179", item.Title.Text);
        Assert.Contains(item.Categories, c => c.Name == name);
    }

    /// <summary>The seeded archive with the Napo 179 post carrying each awkward label.</summary>
    public sealed class Archive : ArchiveWebFactory
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await WithDatabaseAsync(async db =>
            {
                var post = await db.Posts.SingleAsync(p => p.Permalink == Seeds.Napo179.TrimStart('/'));
                foreach (var name in Names)
                {
                    post.Labels.Add(new Label { Name = name });
                }

                await db.SaveChangesAsync();
            });
        }
    }
}
