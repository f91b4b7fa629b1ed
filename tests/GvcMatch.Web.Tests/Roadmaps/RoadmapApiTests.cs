using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Consolidation;
using GvcMatch.Web.Tests.Infrastructure;
using static GvcMatch.Web.Tests.Roadmaps.RoadmapKit;

namespace GvcMatch.Web.Tests.Roadmaps;

/// <summary>
/// A buyer drafts, publishes, changes and withdraws road-map items; only its members change them;
/// network-only items exist for its awarded and agreed suppliers and for nobody else.
/// </summary>
public abstract class RoadmapApiTests(GvcMatchApp app)
{
    private DateOnly Today => app.ClockToday();

    [DatabaseFact]
    public async Task ABuyerDraftsPublishesChangesAsVersionsAndWithdraws()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.DraftAsync(Item(Today));
        using var visitor = app.CreateClient();
        await Expect.StatusAsync(await visitor.GetAsync($"/api/roadmap-items/{id}"), HttpStatusCode.NotFound);

        var published = await Expect.JsonAsync(await buyer.Client.PostAsync($"/api/roadmap-items/{id}/publish"), HttpStatusCode.OK);
        Assert.Equal(1, published.GetProperty("version").GetInt32());
        var read = await Expect.JsonAsync(await visitor.GetAsync($"/api/roadmap-items/{id}"), HttpStatusCode.OK);
        Assert.Equal("Published", read.GetProperty("status").GetString());
        Assert.Equal(Today.Year + 1, read.GetProperty("timingYear").GetInt32());

        // A published item changes only with a note, as a new version.
        var change = Item(Today) with { Title = "Electric drive housings, second generation" };
        await Expect.ValidationErrorAsync(await buyer.Client.PutJsonAsync($"/api/roadmap-items/{id}", change), "changeNote");
        var changed = await Expect.JsonAsync(await buyer.Client.PutJsonAsync($"/api/roadmap-items/{id}", change with { ChangeNote = "New generation." }), HttpStatusCode.OK);
        Assert.Equal(2, changed.GetProperty("version").GetInt32());

        await Expect.StatusAsync(await buyer.Client.PostAsync($"/api/roadmap-items/{id}/withdraw"), HttpStatusCode.OK);
        var withdrawn = await Expect.JsonAsync(await visitor.GetAsync($"/api/roadmap-items/{id}"), HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await sme.ExpressAsync(id), HttpStatusCode.Conflict);
    }

    [DatabaseFact]
    public async Task OnlyTheBuyersMembersChangeAnItem()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var draft = await buyer.DraftAsync(Item(Today));
        var published = await buyer.PublishedItemAsync(Item(Today));
        var rival = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);

        // Another's draft does not exist for them; another's published item may be read, not changed.
        await Expect.StatusAsync(await rival.Client.PutJsonAsync($"/api/roadmap-items/{draft}", Item(Today)), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await rival.Client.PutJsonAsync($"/api/roadmap-items/{published}", Item(Today) with { ChangeNote = "x" }), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await rival.Client.PostAsync($"/api/roadmap-items/{published}/withdraw"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await sme.Client.GetAsync($"/api/roadmap-items/{published}/suppliers"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await sme.Client.GetAsync($"/api/roadmap-items/{published}/interests"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await sme.Client.PostJsonAsync("/api/roadmap-items", Item(Today)), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await rival.Client.PostJsonAsync($"/api/roadmap-items/{published}/requirement", new ConvertInput(Today.AddDays(30), null)),
            HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task BadInputNamesTheField()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/roadmap-items", Item(Today) with { Title = "" }), "title");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/roadmap-items", Item(Today) with { Criteria = [] }), "criteria");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/roadmap-items", Item(Today) with { TimingYear = Today.Year - 1 }), "timingYear");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/roadmap-items",
            Item(Today) with { TimingYear = null, TimingQuarter = null, StartsOn = Today.AddDays(90), EndsOn = Today.AddDays(10) }), "endsOn");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/roadmap-items",
            Item(Today) with { StartsOn = Today.AddDays(10), EndsOn = Today.AddDays(90) }), "timingYear");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/roadmap-items", Item(Today) with { Visibility = null }), "visibility");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/roadmap-items", Item(Today) with { IsicCodes = ["9999x"] }), "isicCodes");
        var item = await buyer.PublishedItemAsync(Item(Today));
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ValidationErrorAsync(await sme.ExpressAsync(item, note: ""), "note");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync($"/api/roadmap-items/{item}/requirement", new ConvertInput(null, null)), "responseDeadline");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync($"/api/roadmap-items/{item}/requirement", new ConvertInput(Today.AddDays(-1), null)),
            "responseDeadline");
    }

    [DatabaseFact]
    public async Task ANetworkOnlyItemExistsOnlyForTheBuyersNetwork()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var agreed = await app.AgreedSupplierAsync(buyer);
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        await outsider.SaveProfileAsync();
        var rival = await app.SignUpAsync(OrganizationKind.Mne);
        var title = $"Network drive housings {Guid.NewGuid():N}";
        var item = await buyer.PublishedItemAsync(Item(Today, RoadmapVisibility.Network, title));
        var word = $"?q={Uri.EscapeDataString(title.Split(' ')[^1])}";

        Assert.Equal([item], await ListedAsync(agreed.Client, word));
        await Expect.StatusAsync(await agreed.Client.GetAsync($"/api/roadmap-items/{item}"), HttpStatusCode.OK);
        Assert.Equal([item], await ListedAsync(buyer.Client, word));

        using var visitor = app.CreateClient();
        foreach (var client in new[] { outsider.Client, rival.Client, visitor })
        {
            Assert.Empty(await ListedAsync(client, word));
            Assert.DoesNotContain(item, await ListedAsync(client, $"?buyer={buyer.Me.OrgId}"));
            await Expect.StatusAsync(await client.GetAsync($"/api/roadmap-items/{item}"), HttpStatusCode.NotFound);
            await Expect.StatusAsync(await client.GetAsync($"/Roadmaps/{item}"), HttpStatusCode.NotFound);
        }
        await Expect.StatusAsync(await outsider.ExpressAsync(item), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await outsider.Client.PutAsync($"/api/roadmap-items/{item}/follow", null), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await outsider.Client.GetAsync($"/api/organizations/{outsider.Me.OrgId}/gap-plans/roadmap-items/{item}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await rival.Client.PutJsonAsync($"/api/roadmap-items/{item}", Item(Today) with { ChangeNote = "x" }), HttpStatusCode.NotFound);
        var fits = await Expect.JsonAsync(await outsider.Client.GetAsync($"/api/organizations/{outsider.Me.OrgId}/roadmap-fits?top=100"), HttpStatusCode.OK);
        Assert.DoesNotContain(item, fits.EnumerateArray().Select(f => f.GetProperty("item").GetProperty("id").GetInt32()));
    }
}

public sealed class RoadmapApiTestsOnSqlite(SqliteApp app) : RoadmapApiTests(app), IClassFixture<SqliteApp>;

public sealed class RoadmapApiTestsOnPostgres(PostgresApp app) : RoadmapApiTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
