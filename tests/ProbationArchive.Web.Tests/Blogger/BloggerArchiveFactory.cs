using Microsoft.AspNetCore.Hosting;

namespace ProbationArchive.Web.Tests.Blogger;

/// <summary>
/// The app over an archive imported at start from the seeds, the real Blogger export
/// (../shared/fixtures) and a small export of its own: a draft with an address, and comments whose
/// HTML is hostile.
/// </summary>
public sealed class BloggerArchiveFactory : Support.ArchiveWebFactory
{
    public const string Page = "/p/feedback";
    public const string LabelledPost = "/2010/10/mo-words-is-live";
    public const string HostilePost = "/2012/03/hostile-html";
    public const string DraftAddress = "/2012/03/secret-draft";

    private readonly string _seeds = Directory.CreateTempSubdirectory("probation-blogger-seeds-").FullName;

    public static string HostileExport => """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
        <entry><id>tag:blogger.com,1999:blog-42.post-1</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
        <title>Hostile HTML</title><published>2012-03-01T10:00:00.000Z</published><blogger:filename>/2012/03/hostile-html.html</blogger:filename>
        <content type='html'>&lt;p&gt;Before&lt;script&gt;window.__xss=1&lt;/script&gt; after.&lt;/p&gt;&lt;img src="http://1.bp.blogspot.com/x.png" alt="A photo" onerror="window.__xss=2"&gt;&lt;iframe srcdoc="&amp;lt;script&amp;gt;parent.__xss=3&amp;lt;/script&amp;gt;"&gt;&lt;/iframe&gt;</content>
        <author><name>Owner</name><email>owner.secret@example.org</email></author></entry>
        <entry><id>tag:blogger.com,1999:blog-42.post-2</id><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>
        <blogger:parent>tag:blogger.com,1999:blog-42.post-1</blogger:parent><published>2012-03-01T11:00:00.000-05:00</published>
        <content type='html'>&lt;a href="javascript:window.__xss=4"&gt;click&lt;/a&gt; &lt;b onmouseover="window.__xss=5"&gt;bold&lt;/b&gt; &lt;svg onload="window.__xss=6"&gt;&lt;/svg&gt;&lt;form action="http://evil.example/"&gt;&lt;input name="q"&gt;&lt;/form&gt;</content>
        <author><name>&lt;script&gt;window.__xss=7&lt;/script&gt;</name><uri>javascript:window.__xss=8</uri></author></entry>
        <entry><id>tag:blogger.com,1999:blog-42.post-3</id><blogger:type>POST</blogger:type><blogger:status>DRAFT</blogger:status>
        <title>Secret Draft</title><published>2012-03-02T10:00:00.000Z</published><blogger:filename>/2012/03/secret-draft.html</blogger:filename>
        <content type='html'>Nobody should read zyxwvut.</content><category term='DraftOnlyLabel'/></entry>
        </feed>
        """;

    public override async ValueTask InitializeAsync()
    {
        foreach (var seed in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seeds")))
        {
            File.Copy(seed, Path.Combine(_seeds, Path.GetFileName(seed)));
        }

        File.Copy(Path.Combine(AppContext.BaseDirectory, "Blogger", "blogger-export-mowords-2012.xml"), Path.Combine(_seeds, "mowords.xml"));
        await File.WriteAllTextAsync(Path.Combine(_seeds, "hostile-export.atom"), HostileExport);
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Archive:SeedsPath", _seeds);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_seeds, recursive: true);
    }
}
