using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Operations;

[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<Member> AdminAsync()
    {
        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        return admin;
    }

    [Fact]
    public async Task AfterAMatchRequestTheAdminSeesTheMatchLatencyHistogram()
    {
        var buyer = await AdminAsync();
        var requirement = await buyer.PublishNewRequirementAsync();
        await Expect.StatusAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches"), HttpStatusCode.OK);

        var count = await PrometheusText.EventuallyAsync(buyer.Client, "gvcmatch_match_duration_seconds_count", v => v >= 1);
        var text = await PrometheusText.ScrapeAsync(buyer.Client);
        Assert.True(count >= 1);
        Assert.Contains("gvcmatch_match_duration_seconds_bucket{", text);
        // The framework's own meters are published beside the app's.
        Assert.NotNull(PrometheusText.Value(text, "http_server_request_duration_seconds_count"));
    }

    [Fact]
    public async Task TheHubConnectionGaugeMovesWhenASignalRClientConnectsAndLeaves()
    {
        var admin = await AdminAsync();
        const string gauge = "gvcmatch_hub_connections";
        var before = PrometheusText.Value(await PrometheusText.ScrapeAsync(admin.Client), gauge) ?? 0;

        var hub = await app.ConnectAsync(admin);
        await PrometheusText.EventuallyAsync(admin.Client, gauge, v => v == before + 1);
        await hub.DisposeAsync();
        await PrometheusText.EventuallyAsync(admin.Client, gauge, v => v == before);
    }

    [Fact]
    public async Task TheQueueGaugesAreReported()
    {
        var admin = await AdminAsync();
        var depth = await PrometheusText.EventuallyAsync(admin.Client, "gvcmatch_outbox_depth", v => v is not null);
        Assert.True(depth >= 0);
        Assert.NotNull(PrometheusText.Value(await PrometheusText.ScrapeAsync(admin.Client), "gvcmatch_email_queue_length"));
    }

    [Fact]
    public async Task AnonymousCallersGet401AndUsersWhoAreNotPlatformAdminsGet403()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Expect.StatusAsync(await anonymous.GetAsync("/metrics"), HttpStatusCode.Unauthorized);

        var user = await app.SignUpAsync(OrganizationKind.Sme);
        var response = await user.Client.GetAsync("/metrics");
        await Expect.StatusAsync(response, HttpStatusCode.Forbidden);
        Assert.DoesNotContain("gvcmatch_", await response.Content.ReadAsStringAsync());
    }
}
