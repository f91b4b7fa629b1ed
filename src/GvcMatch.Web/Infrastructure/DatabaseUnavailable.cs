using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// A database that is restarting, failing over or refusing connections for a moment is not a
/// fault of the request: the caller should retry shortly. Such failures answer 503 with
/// Retry-After (API) or the hub's <c>unavailable</c> code, never a 500. Nothing is half-written:
/// each write is one transaction, and a retried message is recognised by its client id.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client should wait before retrying; a fast restart takes about one.</summary>
    public const int RetryAfterSeconds = 2;

    /// <summary>True when the exception, or one it wraps, is a connection-level or transient database failure.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true }) return true;
            // The server ended the session (restart, failover): the next connection from the pool works.
            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" }) return true;
        }
        return false;
    }
}

/// <summary>The API side of <see cref="DatabaseUnavailable"/>: 503 ProblemDetails with Retry-After.</summary>
internal sealed class DatabaseUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!DatabaseUnavailable.IsTransient(exception)) return false;
        logger.LogWarning("The database is unavailable for {Method} {Path}: {Cause}", http.Request.Method, http.Request.Path, exception.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString();
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = $"The database is briefly unavailable. Nothing was lost; retry in {DatabaseUnavailable.RetryAfterSeconds} seconds.",
            },
        });
    }
}
