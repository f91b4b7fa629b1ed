using System.Text.Json.Serialization;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.ReferenceData;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Infrastructure.Telemetry;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web;

/// <summary>Service registration and the request pipeline, kept out of Program.cs.</summary>
public static class AppSetup
{
    public static WebApplicationBuilder AddGvcMatch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddAppDatabase();
        builder.AddAppAuth();
        builder.AddKeyEncryption();
        builder.AddAppTelemetry();

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<SeedsOptions>().BindConfiguration(SeedsOptions.Section);
        services.AddSingleton(sp => ReferenceData.Load(sp.GetRequiredService<IOptions<SeedsOptions>>().Value.Resolve()));
        services.AddSingleton(sp => Features.Matching.MatchContexts.LoadVocabulary(sp.GetRequiredService<IOptions<SeedsOptions>>().Value.Resolve()));
        services.AddSingleton(sp => new Features.Matching.MatchContexts(
            sp.GetRequiredService<GvcMatch.Matching.Understanding.CapabilityVocabulary>(), sp.GetService<GvcMatch.Matching.Understanding.IPhraseVectors>()));
        services.AddScoped<Registration>();
        services.AddFeatureServices(builder.Configuration);
        services.AddAppLocalization();

        services.AddApiAntiforgery();
        services.AddSecurityHeaders();
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        // Binding failures throw so the handler above can name the field; otherwise they are bare 400s.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.UseWireTimestamps();
        });
        // The same timestamp form on the hub and in JSON a page hands its scripts as in the API.
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.UseWireTimestamps());
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.UseWireTimestamps());
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 10 * 1024 * 1024);

        services.AddOpenApi();
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Account");
            o.Conventions.AuthorizeFolder("/Admin");
        }).AddViewLocalization();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    public static WebApplication UseGvcMatch(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // HTML error pages for browsers, ProblemDetails for API clients.
        app.UseErrorPages();
        app.UseProductionHttps();

        app.UseStaticFiles();
        app.UseHubOriginCheck();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAppLocalization();
        app.UseAuthorization();
        app.UseApiAntiforgery();

        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "GvcMatch API v1");
            o.RoutePrefix = "api-docs";
            o.DocumentTitle = "GvcMatch API reference";
        });
        app.MapHealthChecks("/health", HealthResponse.Options);
        app.MapMetrics();

        app.MapAntiforgeryApi();
        // One group around every API, so a JSON body with a null where none may be is refused before any handler sees it.
        app.MapGroup("").WithNullChecks().MapFeatureApis();
        app.MapRazorPages();

        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogInformation("GvcMatch is running at {Urls} ({Provider} database)",
                string.Join(", ", app.Urls), app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        return app;
    }
}
