using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Search;

public sealed class SearchAdminAccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task OnlyPlatformAdminsSeeTheIndexStatusOrStartARebuild()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.StatusAsync(await buyer.Client.GetAsync("/api/admin/search/status"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await buyer.Client.PostAsync("/api/admin/search/rebuild", null), HttpStatusCode.Forbidden);

        using var anonymous = app.CreateClient();
        await Expect.StatusAsync(await anonymous.GetAsync("/api/admin/search/status"), HttpStatusCode.Unauthorized);
    }
}
