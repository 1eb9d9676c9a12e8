using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// For the load balancer: <c>/healthz</c> answers 200 while the process serves at all (liveness,
/// touching nothing), <c>/readyz</c> 200 only when the database answers and every migration this
/// build knows is applied, else 503. Neither is cached, rate-limited or queued behind pages.
/// </summary>
internal static class HealthEndpoints
{
    public const string Live = "/healthz";
    public const string Ready = "/readyz";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddArchiveHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReady>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapArchiveHealth(this IEndpointRouteBuilder endpoints)
    {
        // GET and HEAD only, as every other endpoint (RequestLimits).
        endpoints.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false })
            .WithMetadata(new HttpMethodMetadata(RequestLimits.PageMethods)).DisableRateLimiting().CacheOutput(p => p.NoCache());
        endpoints.MapHealthChecks(Ready, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .WithMetadata(new HttpMethodMetadata(RequestLimits.PageMethods)).DisableRateLimiting().CacheOutput(p => p.NoCache());
        return endpoints;
    }

    private sealed class DatabaseReady(ArchiveDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                if (!await db.Database.CanConnectAsync(cancellationToken))
                {
                    return HealthCheckResult.Unhealthy("The database does not answer.");
                }

                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                return pending.Count == 0
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}.");
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", e);
            }
        }
    }
}
