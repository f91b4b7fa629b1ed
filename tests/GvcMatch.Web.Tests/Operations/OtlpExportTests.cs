using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace GvcMatch.Web.Tests.Operations;

/// <summary>The app with its service registrations kept, to see which exporters it set up.</summary>
public sealed class RecordingApp(IReadOnlyDictionary<string, string>? settings = null) : GvcMatchApp(TestDatabase.Sqlite(), settings)
{
    public List<ServiceDescriptor> Registrations { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => Registrations.AddRange(services));
    }

    public bool Registered(string word) => Registrations.Any(d => Names(d.ServiceType).Concat(Names(d.ImplementationType))
        .Any(n => n.Contains(word, StringComparison.Ordinal)));

    private static IEnumerable<string> Names(Type? type) =>
        type is null ? [] : [type.FullName ?? type.Name, .. type.GenericTypeArguments.SelectMany(Names)];

    protected override Task OnDisposedAsync()
    {
        DeleteFolder(Database.DataFolder);
        return Task.CompletedTask;
    }
}

[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task WithNoOtlpSettingNoExporterAndNoTracerAreRegistered()
    {
        await using var app = new RecordingApp();
        using var client = app.CreateClient();
        await client.GetAsync("/health");

        Assert.False(app.Registered("Otlp"), "An OTLP exporter is registered although no endpoint is configured.");
        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task WithAnEndpointRequestsDatabaseCallsHubCallsAndIndexerBatchesAreExportedAsSpans()
    {
        using var collector = new FakeCollector();
        await using var app = new RecordingApp(new Dictionary<string, string>
        {
            ["Telemetry:Otlp:Endpoint"] = collector.Endpoint,
            ["Telemetry:Otlp:Protocol"] = "HttpProtobuf",
        });
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        await sme.PublishProfileAsync();
        await app.WaitForIndexAsync();
        await using (var hub = await app.ConnectAsync(sme)) { }

        Assert.True(app.Registered("Otlp"));
        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        var spans = collector.Text("/v1/traces");
        Assert.Contains("POST /api/auth/register", spans);
        Assert.Contains("NegotiationHub/Ping", spans);
        Assert.Contains("SearchIndexer batch", spans);
        Assert.Contains("db.system", spans);
    }
}
