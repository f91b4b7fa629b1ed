using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Dashboards;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Dashboards;

/// <summary>Reading the dashboards as their owners would, after the recorded counters are written.</summary>
public static class DashboardKit
{
    /// <summary>Writes what the recorder holds now, as its worker would at the next interval.</summary>
    public static Task FlushCountersAsync(this GvcMatchApp app) =>
        app.Services.GetRequiredService<CounterRecorder>().FlushAsync(CancellationToken.None);

    public static async Task<JsonElement> SupplierDashboardAsync(this Member sme) =>
        await Expect.JsonAsync(await sme.Client.GetAsync($"/api/dashboard/suppliers/{sme.Me.OrgId}"), HttpStatusCode.OK);

    public static async Task<JsonElement> BuyerDashboardAsync(this Member buyer) =>
        await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/dashboard/buyers/{buyer.Me.OrgId}"), HttpStatusCode.OK);

    /// <summary>The counts of a weekly series, oldest week first.</summary>
    public static List<int> Counts(this JsonElement dashboard, string series) =>
        dashboard.GetProperty(series).EnumerateArray().Select(w => w.GetProperty("count").GetInt32()).ToList();
}
