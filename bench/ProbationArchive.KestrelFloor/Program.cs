// dotnet ProbationArchive.KestrelFloor.dll <folder of saved pages> <url>
// Answers GET /{name}.html with the file's bytes, read once into memory: no routing, middleware,
// logging or cache lookup. It is what Kestrel itself costs per response on this machine, the
// floor under the archive's cached pages (docs/PERFORMANCE.md, HTTP).
if (args is not [var folder, var url])
{
    await Console.Error.WriteLineAsync("usage: ProbationArchive.KestrelFloor <folder of saved pages> <url>");
    return 2;
}

var pages = Directory.EnumerateFiles(folder, "*.html").ToDictionary(f => "/" + Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(async context =>
{
    if (!pages.TryGetValue(context.Request.Path.Value ?? "", out var page))
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }

    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = page.Length;
    await context.Response.Body.WriteAsync(page);
});
await app.RunAsync(url);
return 0;
