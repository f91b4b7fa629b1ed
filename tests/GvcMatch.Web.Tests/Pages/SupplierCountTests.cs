using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Pages;

/// <summary>The home page's supplier count, the supplier list and search agree on what a published supplier is.</summary>
public sealed class SupplierCountTests(SqliteApp app) : IClassFixture<SqliteApp>
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

    private static async Task<Member> PublishedAsync(GvcMatchApp host)
    {
        var sme = await host.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile());
        await sme.PublishProfileAsync();
        return sme;
    }
}
