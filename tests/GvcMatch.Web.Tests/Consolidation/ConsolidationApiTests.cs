using System.Net;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Consolidation;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GvcMatch.Web.Tests.Consolidation.ConsolidationKit;

namespace GvcMatch.Web.Tests.Consolidation;

/// <summary>
/// A buyer announces a consolidation; its agreed suppliers in the category are found in the
/// background, scored and told privately in their language; the notice period holds; outcomes come
/// with a debrief. The public sees the notice, never who is affected.
/// </summary>
public abstract class ConsolidationApiTests(GvcMatchApp app)
{
    private NoticeInput Notice(int days = 200) => app.Notice(days);

    private Task<Member> AgreedSupplierAsync(Member buyer, string isic = "2592") => app.AgreedSupplierAsync(buyer, isic);

    private Task<int> PublishedAsync(Member buyer, NoticeInput? input = null) => app.PublishedAsync(buyer, input);

    [DatabaseFact]
    public async Task AgreedSuppliersInTheCategoryAreScoredAndToldPrivatelyInTheirLanguage()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var inCategory = await AgreedSupplierAsync(buyer);
        var elsewhere = await AgreedSupplierAsync(buyer, isic: "1071");
        var stranger = await app.SignUpAsync(OrganizationKind.Sme);
        await stranger.SaveProfileAsync(Samples.Profile() with { IsicCodes = ["2592"] });
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == inCategory.Me.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "es")));

        var notice = await PublishedAsync(buyer);
        var progress = await FinishedAsync(buyer, notice);

        var supplier = Assert.Single(progress.GetProperty("suppliers").EnumerateArray());
        Assert.Equal(inCategory.Me.OrgId, supplier.GetProperty("organizationId").GetInt32());
        // 0 × 30 + (1 − 10/20) × 40 + (20,000 / 40,000) × 30 = 35, when told and now.
        Assert.Equal(35, supplier.GetProperty("scoreAtNotice").GetDouble());
        Assert.Equal(35, supplier.GetProperty("scoreNow").GetDouble());
        Assert.Equal(1, progress.GetProperty("job").GetProperty("total").GetInt32());

        var told = Assert.Single(await InboxAsync(inCategory, ConsolidationNotificationKinds.Notice));
        Assert.EndsWith("consolidará sus proveedores: Fewer machining suppliers", told.GetProperty("title").GetString());
        Assert.Contains("35", told.GetProperty("body").GetString());
        Assert.Empty(await InboxAsync(elsewhere, ConsolidationNotificationKinds.Notice));
        Assert.Empty(await InboxAsync(stranger, ConsolidationNotificationKinds.Notice));

        // The SME sees its notice and its gap plan against the notice's criteria.
        var mine = Assert.Single((await Expect.JsonAsync(
            await inCategory.Client.GetAsync($"/api/organizations/{inCategory.Me.OrgId}/consolidation-notices"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(35, mine.GetProperty("scoreAtNotice").GetDouble());
        var plan = await Expect.JsonAsync(await inCategory.Client.GetAsync(mine.GetProperty("gapPlan").GetString()), HttpStatusCode.OK);
        Assert.Equal([30.0, 20.0, 15.0], plan.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("gain").GetDouble()));

        // Improving the profile shows in the buyer's progress at once.
        await inCategory.SaveProfileAsync(Samples.Profile() with { LeadTimeDays = 20, IsicCodes = ["2592"] });
        progress = await FinishedAsync(buyer, notice);
        Assert.Equal(55, progress.GetProperty("suppliers")[0].GetProperty("scoreNow").GetDouble());
    }

    [DatabaseFact]
    public async Task WhoIsAffectedIsPrivateToTheBuyerAndEachSupplier()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var affected = await AgreedSupplierAsync(buyer);
        var notice = await PublishedAsync(buyer);
        await FinishedAsync(buyer, notice);
        var rival = await app.SignUpAsync(OrganizationKind.Sme);
        var otherBuyer = await app.SignUpAsync(OrganizationKind.Mne);

        using var visitor = app.CreateClient();
        var body = await (await visitor.GetAsync($"/api/consolidation-notices/{notice}")).Content.ReadAsStringAsync();
        Assert.Contains("Fewer machining suppliers", body);
        Assert.DoesNotContain(affected.Me.OrganizationName!, body);
        Assert.DoesNotContain("\"job\"", body);
        var list = await (await visitor.GetAsync("/api/consolidation-notices")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(affected.Me.OrganizationName!, list);

        await Expect.ProblemAsync(await rival.Client.GetAsync($"/api/consolidation-notices/{notice}/suppliers"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await otherBuyer.Client.GetAsync($"/api/consolidation-notices/{notice}/suppliers"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await affected.Client.GetAsync($"/api/consolidation-notices/{notice}/suppliers"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await rival.Client.GetAsync($"/api/organizations/{affected.Me.OrgId}/consolidation-notices"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/organizations/{affected.Me.OrgId}/consolidation-notices"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/organizations/{affected.Me.OrgId}/gap-plans/consolidation-notices/{notice}"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await otherBuyer.Client.PutJsonAsync($"/api/consolidation-notices/{notice}", Notice(300)), HttpStatusCode.Forbidden);

        // A draft is the buyer's alone.
        var draft = (await Expect.JsonAsync(await buyer.Client.PostJsonAsync("/api/consolidation-notices", Notice()), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await Expect.ProblemAsync(await visitor.GetAsync($"/api/consolidation-notices/{draft}"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await otherBuyer.Client.PostAsync($"/api/consolidation-notices/{draft}/publish"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await affected.Client.PostJsonAsync("/api/consolidation-notices", Notice()), HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task TheNoticePeriodHasAPlatformMinimumAndCannotBeShortenedOncePublished()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/consolidation-notices", Notice(days: 179)), "decisionDate");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/consolidation-notices", Notice() with { Reason = "" }), "reason");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/consolidation-notices", Notice() with { IsicCodes = [] }), "isicCodes");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/consolidation-notices", Notice() with { Regions = ["Atlantis"] }), "regions");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/consolidation-notices",
            Notice() with { Criteria = [new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 40 }] }), "criteria[0].days");

        var notice = await PublishedAsync(buyer, Notice(days: 200));
        var published = await Expect.JsonAsync(await app.CreateClient().GetAsync($"/api/consolidation-notices/{notice}"), HttpStatusCode.OK);
        Assert.Equal(200, published.GetProperty("noticeDays").GetInt32());

        // Shortening is refused even while still above the platform minimum.
        await Expect.ValidationErrorAsync(await buyer.Client.PutJsonAsync($"/api/consolidation-notices/{notice}", Notice(days: 190)), "decisionDate");
        var later = await Expect.JsonAsync(await buyer.Client.PutJsonAsync($"/api/consolidation-notices/{notice}",
            Notice(days: 230) with { ChangeNote = "More time for audits." }), HttpStatusCode.OK);
        Assert.Equal(2, later.GetProperty("version").GetInt32());
        Assert.Equal(app.ClockToday().AddDays(230).ToString("yyyy-MM-dd"), later.GetProperty("decisionDate").GetString());
        Assert.Equal(200, later.GetProperty("noticeDays").GetInt32());
        await Expect.ProblemAsync(await buyer.Client.PostAsync($"/api/consolidation-notices/{notice}/publish"), HttpStatusCode.Conflict);
    }

    [DatabaseFact]
    public async Task OutcomesAreRecordedFromTheDecisionDateWithAReasonAndTheSmeGetsItsDebrief()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var affected = await AgreedSupplierAsync(buyer);
        var notice = await PublishedAsync(buyer, Notice(days: 180));
        await FinishedAsync(buyer, notice);
        var outcome = new OutcomeInput(affected.Me.OrgId, ConsolidationOutcome.NotRetained, "No ISO 14001 certificate by the decision date.");
        await Expect.ProblemAsync(await buyer.Client.PostJsonAsync($"/api/consolidation-notices/{notice}/outcomes", outcome), HttpStatusCode.Conflict);

        app.Clock.Advance(TimeSpan.FromDays(181));
        try
        {
            buyer = await app.FreshAsync(buyer);
            affected = await app.FreshAsync(affected);
            await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync($"/api/consolidation-notices/{notice}/outcomes", outcome with { Reason = " " }), "reason");
            await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync($"/api/consolidation-notices/{notice}/outcomes", outcome with { Outcome = null }), "outcome");
            await Expect.ProblemAsync(await buyer.Client.PostJsonAsync($"/api/consolidation-notices/{notice}/outcomes", outcome with { OrganizationId = buyer.Me.OrgId }),
                HttpStatusCode.NotFound);
            var recorded = await Expect.JsonAsync(await buyer.Client.PostJsonAsync($"/api/consolidation-notices/{notice}/outcomes", outcome), HttpStatusCode.OK);
            Assert.Equal("NotRetained", recorded.GetProperty("outcome").GetString());

            var mine = Assert.Single((await Expect.JsonAsync(
                await affected.Client.GetAsync($"/api/organizations/{affected.Me.OrgId}/consolidation-notices"), HttpStatusCode.OK)).EnumerateArray());
            Assert.Equal("NotRetained", mine.GetProperty("outcome").GetString());
            Assert.Equal(outcome.Reason, mine.GetProperty("outcomeReason").GetString());
            var debrief = Assert.Single(await InboxAsync(affected, ConsolidationNotificationKinds.Debrief));
            Assert.Contains(outcome.Reason!, debrief.GetProperty("body").GetString());
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-181));
        }
    }

    [DatabaseFact]
    public async Task TheNoticePageShowsEachReaderWhatIsTheirs()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var affected = await AgreedSupplierAsync(buyer);
        var notice = await PublishedAsync(buyer);
        await FinishedAsync(buyer, notice);
        var name = affected.Me.OrganizationName!;

        var own = Html.Parse(await buyer.Client.GetStringAsync($"/Consolidation/{notice}"));
        Assert.Contains(name, own.QuerySelector("#affected")!.TextContent);

        var sme = Html.Parse(await affected.Client.GetStringAsync($"/Consolidation/{notice}"));
        Assert.NotNull(sme.QuerySelector("#my-notice"));
        Assert.Equal(["0", "1", "2"], sme.QuerySelectorAll(".gap").Select(g => g.GetAttribute("data-index")));

        using var visitor = app.CreateClient();
        var page = await visitor.GetStringAsync($"/Consolidation/{notice}");
        Assert.Contains("Fewer machining suppliers", page);
        Assert.DoesNotContain(name, page);

        affected.Client.DefaultRequestHeaders.Add("Accept-Language", "ja");
        await Localization.UntranslatedPageTests.AssertTranslatedAsync(affected.Client, $"/Consolidation/{notice}", "ja");
    }
}

public sealed class ConsolidationApiTestsOnSqlite(SqliteApp app) : ConsolidationApiTests(app), IClassFixture<SqliteApp>;

public sealed class ConsolidationApiTestsOnPostgres(PostgresApp app) : ConsolidationApiTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
