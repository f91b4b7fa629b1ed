using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Pages;

/// <summary>The home page's supplier count, the supplier list and search agree on what a published supplier is.</summary>
public sealed partial class SupplierCountTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_home_page_counts_exactly_the_suppliers_the_list_and_search_show()
    {
        // A database of its own: the count is of the whole marketplace.
        await using var scratch = await ScratchDatabase.LikeAsync(app);
        await using var host = new GvcMatchApp(scratch.Database);
        var current = await PublishedAsync(host);
        var stale = await PublishedAsync(host);
        var draft = await host.SignUpAsync(OrganizationKind.Sme);
        await draft.SaveProfileAsync(Samples.Profile());
        // A profile past its renewal date is still "published" in its row, but nobody finds it any more.
        await host.WithDbAsync(db => db.Profiles.Where(p => p.OrganizationId == stale.Me.OrgId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.RenewalDue, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2))));
        await host.WaitForIndexAsync();

        using var visitor = host.CreateClient();
        var home = Html.Parse(await visitor.GetStringAsync("/"));
        var counted = int.Parse(home.QuerySelector(".stat .display-6")!.TextContent.Trim());
        var listed = JsonDocument.Parse(await visitor.GetStringAsync("/api/suppliers")).RootElement;

        Assert.Equal(1, counted);
        Assert.Equal(counted, listed.GetProperty("total").GetInt32());
        Assert.Equal(current.Me.OrgId, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("organizationId").GetInt32());
    }

    /// <summary>
    /// Every figure that counts suppliers: the home page, the supplier list (page and API) and search
    /// (API and page). Verification does not decide whether a supplier is listed, so an unverified
    /// published profile counts like a verified one; a draft and a profile gone stale do not.
    /// </summary>
    [Fact]
    public async Task Every_supplier_counter_shows_the_same_number_for_drafts_unverified_stale_and_listed_profiles()
    {
        await using var scratch = await ScratchDatabase.LikeAsync(app);
        await using var host = new GvcMatchApp(scratch.Database);
        var verified = await PublishedAsync(host);
        await host.MarkVerifiedAsync(verified.Me.OrgId);
        await PublishedAsync(host);
        var stale = await PublishedAsync(host);
        var draft = await host.SignUpAsync(OrganizationKind.Sme);
        await draft.SaveProfileAsync(Samples.Profile());
        // The stale profile is due for review today, and goes stale as the day passes, as it would in use.
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        await host.WithDbAsync(db => db.Profiles.Where(p => p.OrganizationId == stale.Me.OrgId).ExecuteUpdateAsync(u => u.SetProperty(p => p.RenewalDue, today)));
        await host.WaitForIndexAsync();
        host.Clock.Advance(TimeSpan.FromDays(1));

        using var visitor = host.CreateClient();
        var counters = new Dictionary<string, Func<Task<long>>>
        {
            ["home page"] = async () => long.Parse(Html.Parse(await visitor.GetStringAsync("/")).QuerySelector(".stat .display-6")!.TextContent.Trim()),
            ["/api/suppliers"] = async () => JsonDocument.Parse(await visitor.GetStringAsync("/api/suppliers")).RootElement.GetProperty("total").GetInt64(),
            ["/Suppliers"] = async () => long.Parse(FirstNumber().Match(Html.Parse(await visitor.GetStringAsync("/Suppliers")).QuerySelector("main p.text-muted")!.TextContent).Value),
            ["/api/search/suppliers"] = async () => JsonDocument.Parse(await visitor.GetStringAsync("/api/search/suppliers")).RootElement.GetProperty("total").GetInt64(),
        };
        // Search drops a stale profile when its indexer next looks at the day's expiries (within a poll or two).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        Dictionary<string, long> seen;
        do
        {
            seen = [];
            foreach (var (name, count) in counters) seen[name] = await count();
            if (seen.Values.All(v => v == 2)) break;
            await Task.Delay(250);
        } while (DateTime.UtcNow < deadline);
        Assert.True(seen.Values.All(v => v == 2), "Each counter should show 2: " + string.Join(", ", seen.Select(x => $"{x.Key} {x.Value}")));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+")]
    private static partial System.Text.RegularExpressions.Regex FirstNumber();

    private static async Task<Member> PublishedAsync(GvcMatchApp host)
    {
        var sme = await host.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile());
        await sme.PublishProfileAsync();
        return sme;
    }
}
