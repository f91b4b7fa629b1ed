using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Decimals;

/// <summary>
/// Money and quantities are decimals and must come back exactly as written, and SQL that adds,
/// sorts or compares them must work, on both databases. SQLite used to keep them as REAL, which
/// holds about 15 significant digits: a large amount with four decimals came back changed.
/// </summary>
public abstract class ExactDecimalTests(GvcMatchApp app)
{
    private const decimal Large = 123_456_789_012.3456m;

    [DatabaseFact]
    public async Task Amounts_written_through_the_api_read_back_exactly()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { MonthlyCapacity = 0.1m + 0.2m, CapacityUnit = "t", MinimumOrder = Large, MinimumOrderUnit = "EUR" });

        var profile = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/profile"), HttpStatusCode.OK);
        Assert.Equal("0.3", profile.GetProperty("monthlyCapacity").GetRawText());
        Assert.Equal("123456789012.3456", profile.GetProperty("minimumOrder").GetRawText());
        var stored = await app.WithDbAsync(db => db.Profiles.SingleAsync(p => p.OrganizationId == sme.Me.OrgId));
        Assert.Equal(0.3m, stored.MonthlyCapacity);
        Assert.Equal(Large, stored.MinimumOrder);
    }

    [DatabaseFact]
    public async Task Sql_adds_sorts_and_filters_amounts_exactly()
    {
        // 9 sorts before 10 here, where a text column would put it after.
        var amounts = new[] { 10m, 0.1m, 9m, 0.2m, 1234.5678m, Large };
        var organizations = new List<int>();
        foreach (var amount in amounts)
        {
            var sme = await app.SignUpAsync(OrganizationKind.Sme);
            await sme.SaveProfileAsync(Samples.Profile() with { MinimumOrder = amount, MinimumOrderUnit = "EUR" });
            organizations.Add(sme.Me.OrgId);
        }
        var small = await app.WithDbAsync(db => db.Profiles.Where(p => organizations.Contains(p.OrganizationId) && p.MinimumOrder < 1m)
            .SumAsync(p => p.MinimumOrder));
        Assert.Equal(0.3m, small);
        var total = await app.WithDbAsync(db => db.Profiles.Where(p => organizations.Contains(p.OrganizationId)).SumAsync(p => p.MinimumOrder));
        Assert.Equal(Large + 1234.5678m + 19.3m, total);

        var ordered = await app.WithDbAsync(db => db.Profiles.Where(p => organizations.Contains(p.OrganizationId))
            .OrderBy(p => p.MinimumOrder).Select(p => p.MinimumOrder).ToListAsync());
        Assert.Equal(amounts.Order().Cast<decimal?>(), ordered);

        var between = await app.WithDbAsync(db => db.Profiles.Where(p => organizations.Contains(p.OrganizationId))
            .Where(p => p.MinimumOrder > 0.1m && p.MinimumOrder <= 1234.5678m).OrderByDescending(p => p.MinimumOrder).Select(p => p.MinimumOrder).ToListAsync());
        Assert.Equal(new decimal?[] { 1234.5678m, 10m, 9m, 0.2m }, between);
    }
}

[Collection(SharedApps.SqliteB)]
public sealed class ExactDecimalTestsOnSqlite(SqliteApp app) : ExactDecimalTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class ExactDecimalTestsOnPostgres(PostgresApp app) : ExactDecimalTests(app), IUsesPostgres;
