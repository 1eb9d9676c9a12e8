using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Web.Tests.Support;

/// <summary>Reads the app's own database directly, so a test can work out what a page should show.</summary>
public static class StoreReads
{
    public static async Task<T> ReadStoreAsync<T>(this WebApplicationFactory<Program> factory, Func<ArchiveDbContext, CancellationToken, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), TestContext.Current.CancellationToken);
    }
}
