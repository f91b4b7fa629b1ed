using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace GvcMatch.Web.Infrastructure;

/// <summary>Writes /health as JSON: overall status plus one entry per check (the database, ...).</summary>
public static class HealthResponse
{
    public static readonly HealthCheckOptions Options = new()
    {
        ResponseWriter = async (http, report) =>
        {
            http.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(http.Response.Body, new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                }),
            });
        },
    };
}
