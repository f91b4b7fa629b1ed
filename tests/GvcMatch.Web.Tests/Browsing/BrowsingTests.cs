using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Browsing;

/// <summary>The public lists: paging parameters are optional, and only published items are shown.</summary>
public abstract class BrowsingTests(GvcMatchApp app)
{
    [DatabaseTheory]
    [InlineData("/api/organizations")]
    [InlineData("/api/suppliers")]
    [InlineData("/api/ip-listings")]
    public async Task PublicListsNeedNoPagingParameters(string url)
    {
        using var anonymous = app.CreateClient();
        var page = await Expect.JsonAsync(await anonymous.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.True(page.GetProperty("pageSize").GetInt32() > 0);
    }

    [DatabaseFact]
    public async Task SuppliersListOnlyPublishedProfiles()
    {
        var published = await app.SignUpAsync(OrganizationKind.Sme);
        var draft = await app.SignUpAsync(OrganizationKind.Sme);
        await published.SaveProfileAsync();
        await Expect.StatusAsync(await published.Client.PostAsync($"/api/organizations/{published.Me.OrgId}/profile/publish"), HttpStatusCode.OK);
        await draft.SaveProfileAsync();

        using var anonymous = app.CreateClient();
        var page = await Expect.JsonAsync(await anonymous.GetAsync("/api/suppliers?page=1&pageSize=100"), HttpStatusCode.OK);
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("organizationId").GetInt32()).ToList();
        Assert.Contains(published.Me.OrgId, ids);
        Assert.DoesNotContain(draft.Me.OrgId, ids);
    }

    [DatabaseFact]
    public async Task PagingOutOfRangeIsABadRequest()
    {
        using var anonymous = app.CreateClient();
        await Expect.ValidationErrorAsync(await anonymous.GetAsync("/api/organizations?page=1&pageSize=100000"), "pageSize");
    }
}

public sealed class BrowsingTestsOnSqlite(SqliteApp app) : BrowsingTests(app), IClassFixture<SqliteApp>;

public sealed class BrowsingTestsOnPostgres(PostgresApp app) : BrowsingTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
