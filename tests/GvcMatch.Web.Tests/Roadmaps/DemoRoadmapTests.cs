using GvcMatch.Matching;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Tests.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Roadmaps;

/// <summary>The demo's road-map: something to see on first start, for buyers and for SMEs that fit fully or only partly.</summary>
public sealed class DemoRoadmapTests
{
    [Fact]
    public async Task TheDemoHasPublishedItemsByDifferentBuyersOneForTheNetworkOnlyAndAnInterest()
    {
        await using var host = await ImportTestHost.StartAsync();
        await host.SeedIfEmptyAsync();

        var items = await host.QueryAsync(db => db.Set<RoadmapItem>().Include(i => i.Organization).Include(i => i.Versions).ToListAsync());
        Assert.InRange(items.Count, 3, 4);
        Assert.All(items, i => Assert.Equal(RoadmapStatus.Published, i.Status));
        Assert.All(items, i => Assert.Single(i.Versions));
        Assert.True(items.Select(i => i.OrganizationId).Distinct().Count() >= 3);
        Assert.Single(items, i => i.Visibility == RoadmapVisibility.Network);
        var interest = Assert.Single(await host.QueryAsync(db => db.Set<ExpressionOfInterest>().ToListAsync()));
        Assert.Contains(items, i => i.Id == interest.ItemId && i.Visibility == RoadmapVisibility.Everyone);

        // Starting again over the same database adds nothing.
        await using (var scope = host.Services.CreateAsyncScope())
            await DemoRoadmap.SeedAsync(scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>(), TimeProvider.System, CancellationToken.None);
        Assert.Equal(items.Count, await host.QueryAsync(db => db.Set<RoadmapItem>().CountAsync()));
    }

    [Fact]
    public async Task TheDemoSupplierFitsTheHousingsOnlyPartlySoItsGapPlanHasSomethingToShow()
    {
        await using var host = await ImportTestHost.StartAsync();
        await host.SeedIfEmptyAsync();
        var housings = await host.QueryAsync(db => db.Set<RoadmapItem>().SingleAsync(i => i.Title.Contains("electric drive unit")));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var kawaguchi = await host.QueryAsync(async db => await SupplierDocuments.LoadOwnFactsAsync(db,
            await db.Organizations.Where(o => o.Key == "sme-jp-kawaguchi-precision").Select(o => o.Id).SingleAsync(), CancellationToken.None));
        var partly = Scorer.Score(housings.Criteria, kawaguchi!, today);
        Assert.True(partly.Relevant);
        Assert.Contains(partly.Criteria, c => !c.Met);
        Assert.InRange(partly.Total, 1, 99);

        var svitava = await host.QueryAsync(async db => await SupplierDocuments.LoadOwnFactsAsync(db,
            await db.Organizations.Where(o => o.Key == "sme-cz-svitava-precision").Select(o => o.Id).SingleAsync(), CancellationToken.None));
        // The supplier that expressed interest holds the automotive certificate the demo SME lacks.
        var iatf = housings.Criteria.FindIndex(c => c.Standard == "IATF 16949");
        Assert.False(partly.Criteria.Single(c => c.Index == iatf).Met);
        Assert.True(Scorer.Score(housings.Criteria, svitava!, today).Criteria.Single(c => c.Index == iatf).Met);
    }
}
