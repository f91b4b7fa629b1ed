using GvcMatch.Web.Data;
using Microsoft.AspNetCore.SignalR;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GvcMatch.Web.Infrastructure.Telemetry;

public static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    /// <summary>The ASP.NET Core and runtime meters published beside the app's own.</summary>
    private static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.Identity",
        "System.Net.Http", "System.Runtime",
    ];

    /// <summary>
    /// Metrics always (they are what <c>/metrics</c> serves); traces and the OTLP exporter only when
    /// a collector is configured, so an unconfigured instance neither records spans nor tries to
    /// reach a collector that is not there.
    /// </summary>
    public static IHostApplicationBuilder AddAppTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AppMetrics>();
        services.AddSingleton<HubTelemetry>();
        services.Configure<HubOptions>(o => o.AddFilter<HubTelemetry>());
        services.AddHostedService<QueueGauges>();

        var settings = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(GvcMatchTelemetry.Name))
            .WithMetrics(m => m
                .AddMeter(GvcMatchTelemetry.Name)
                .AddMeter(FrameworkMeters)
                .AddPrometheusExporter());

        var endpoint = settings.Otlp.Endpoint;
        var standard = builder.Configuration[TelemetryOptions.StandardEndpointVariable];
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(standard)) return builder;

        otel.WithTracing(t => t
            .AddSource(GvcMatchTelemetry.Name)
            // A scrape every few seconds would drown the interesting traces.
            .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
            .AddHttpClientInstrumentation()
            .AddEntityFrameworkCoreInstrumentation());
        // The Telemetry setting wins; otherwise the exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself.
        if (!string.IsNullOrWhiteSpace(endpoint)) otel.UseOtlpExporter(settings.Otlp.Protocol, new Uri(endpoint));
        else otel.UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// Prometheus text on <c>/metrics</c>, for platform admins only (a scraper signs in with an
    /// admin's bearer token). The check runs in the exporter's own branch: it is a plain
    /// middleware pipeline, which route endpoint filters never reach.
    /// </summary>
    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(AdminOnlyAsync), optionsName: null);

    private static async Task AdminOnlyAsync(HttpContext http, RequestDelegate next)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in as a platform admin to read the metrics.").ExecuteAsync(http);
            return;
        }
        var actor = await http.User.GetActorAsync(http.RequestServices.GetRequiredService<AppDbContext>(), http.RequestAborted);
        if (actor is not { IsPlatformAdmin: true })
        {
            await Problems.Forbidden("Only platform admins read the metrics.").ExecuteAsync(http);
            return;
        }
        await next(http);
    }
}
