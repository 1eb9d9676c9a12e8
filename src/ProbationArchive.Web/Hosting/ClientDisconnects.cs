using Microsoft.AspNetCore.Connections;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// A reader who closes the tab mid-page is not a server error: the work cancelled by the
/// request's abort (a query, a write to the socket) throws, and without this the request log
/// said "responded 500" at ERR with a stack trace. Here, inside the request log, such an
/// exception ends the request quietly: one Information line says the client went away, and the
/// request's own log line shows 499 (nginx's code for it) when nothing was sent yet.
/// </summary>
internal static class ClientDisconnects
{
    public const int ClientClosedRequest = 499;

    public static async Task HandleAsync(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException or ConnectionAbortedException or ConnectionResetException)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientDisconnects));
            logger.LogInformation("The client closed the connection before {Method} {Path} was answered", context.Request.Method, context.Request.Path.Value);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
    }
}
