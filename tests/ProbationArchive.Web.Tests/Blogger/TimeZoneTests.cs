using Microsoft.Data.Sqlite;
using ProbationArchive.Web.Tests.Reliability;

namespace ProbationArchive.Web.Tests.Blogger;

/// <summary>An export's times are stored with their own offsets: what is stored does not depend on the machine's time zone.</summary>
public sealed class TimeZoneTests
{
    private const string Export = """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
        <entry><id>tag:blogger.com,1999:blog-9.post-1</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
        <title>Month End</title><published>2011-01-31T23:30:00.000-08:00</published><blogger:filename>/2011/01/month-end.html</blogger:filename>
        <content type='html'>Posted late.</content></entry>
        <entry><id>tag:blogger.com,1999:blog-9.post-2</id><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>
        <blogger:parent>tag:blogger.com,1999:blog-9.post-1</blogger:parent><published>2011-02-01T17:30:00.000+09:00</published>
        <content type='html'>From Tokyo.</content><author><name>Reader</name></author></entry>
        </feed>
        """;

    [Fact]
    public async Task Import_UnderTwoTimeZones_StoresTheSameDatesTimesAndAddresses()
    {
        var work = Directory.CreateTempSubdirectory("probation-tz-").FullName;
        try
        {
            var export = Path.Combine(work, "export.atom");
            await File.WriteAllTextAsync(export, Export, TestContext.Current.CancellationToken);
            var stored = new List<string>();
            foreach (var zone in new[] { "America/Los_Angeles", "Asia/Tokyo" })
            {
                var database = Path.Combine(work, $"{zone.Replace('/', '-')}.db");
                var (exitCode, output) = await ImportProcess.RunAsync(database, new Dictionary<string, string> { ["TZ"] = zone }, export);
                Assert.True(exitCode == 0, output);
                stored.Add(await ScalarAsync(database, """
                    SELECT p.PublishedOn || ' ' || p.PublishedAt || ' ' || p.Permalink || ' ' || c.PublishedAt
                    FROM Posts p JOIN Comments c ON c.PostId = p.Id
                    """));
            }

            Assert.Equal("2011-01-31 2011-01-31 23:30:00-08:00 2011/01/month-end 2011-02-01 17:30:00+09:00", stored[0]);
            Assert.Equal(stored[0], stored[1]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<string> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
