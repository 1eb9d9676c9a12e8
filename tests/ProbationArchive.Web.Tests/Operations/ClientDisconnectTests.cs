using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProbationArchive.Web.Tests.Support;
using Serilog.Core;
using Serilog.Events;

namespace ProbationArchive.Web.Tests.Operations;

/// <summary>
/// A reader who goes away mid-response is logged as that, at Information, not as an error with
/// "responded 500" and a stack trace. The request is made to abort the way a closed tab does: the
/// connection is aborted while the page is being written, and the work waiting on it is cancelled.
/// Alone: Serilog's request log and ILogger write through its static logger, which each host
/// started replaces, so a host started by a test running beside this one would take its events.
/// </summary>
[Collection(nameof(ClientDisconnectTests))]
[CollectionDefinition(nameof(ClientDisconnectTests), DisableParallelization = true)]
public sealed class ClientDisconnectTests(ArchiveWebFactory factory)
{
    private const string Aborting = "/__test/aborts-mid-response";

    [Fact]
    public async Task ClientThatDisconnectsMidResponse_IsLoggedAsSuch_NotAsAServerError()
    {
        var events = new CollectedEvents();
        await using var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<ILogEventSink>(events);
                services.AddSingleton<IStartupFilter, AbortingPage>();
            });
        });
        using var client = app.CreateClient();

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetStringAsync(new Uri(Aborting, UriKind.Relative), TestContext.Current.CancellationToken));

        // The server goes on after the client has gone: its request log line, written last, ends the request.
        var logged = await events.WhenAsync(all => all.Any(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == $"\"{Aborting}\""));
        Assert.Contains(logged, e => e.Level == LogEventLevel.Information && e.MessageTemplate.Text.StartsWith("The client closed the connection", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, e => e.Level >= LogEventLevel.Error);
        Assert.DoesNotContain(logged, e => e.RenderMessage(null).Contains("responded 500", StringComparison.Ordinal));
    }

    /// <summary>At the end of the app's pipeline (no page has this address): writes, aborts, and is cancelled, as a page writing to a closed connection is.</summary>
    private sealed class AbortingPage : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(async context =>
            {
                if (context.Request.Path != Aborting)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await context.Response.WriteAsync("<!DOCTYPE html><p>The start of a page", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            });
        };
    }

    private sealed class CollectedEvents : ILogEventSink
    {
        private readonly List<LogEvent> _events = [];

        public void Emit(LogEvent logEvent)
        {
            lock (_events)
            {
                _events.Add(logEvent);
            }
        }

        /// <summary>The events once <paramref name="done"/> holds of them; after 10 s, as they are.</summary>
        public async Task<List<LogEvent>> WhenAsync(Func<List<LogEvent>, bool> done)
        {
            for (var waited = 0; waited < 1000; waited++)
            {
                var events = Snapshot();
                if (done(events))
                {
                    return events;
                }

                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            return Snapshot();
        }

        private List<LogEvent> Snapshot()
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }
}
