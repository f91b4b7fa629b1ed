using System.Net;
using GvcMatch.Web.Features.Consolidation;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GvcMatch.Web.Tests.Consolidation.ConsolidationKit;

namespace GvcMatch.Web.Tests.Consolidation;

/// <summary>
/// The buyer's announcement and outcome forms, the list of notices, the buyer's public record of
/// notice periods honoured, and the affected SME's new matches to other buyers' requirements.
/// </summary>
public abstract class ConsolidationPagesTests(GvcMatchApp app)
{
    private async Task<HttpClient> BrowserAsync(Member member)
    {
        var browser = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await CookieSignIn.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }

    private Dictionary<string, string> Form(string page, int days) => new()
    {
        [AntiforgeryTokens.FormField] = AntiforgeryTokens.FormToken(page),
        ["Input.Title"] = "Fewer coating suppliers",
        ["Input.Reason"] = "Five coating shops instead of twelve, each with ISO 14001.",
        ["Input.IsicCodes"] = "2592",
        ["Input.DecisionDate"] = app.ClockToday().AddDays(days).ToString("yyyy-MM-dd"),
        ["Input.Criteria[0].Kind"] = "CertificationHeld",
        ["Input.Criteria[0].Weight"] = "60",
        ["Input.Criteria[0].Standard"] = "ISO 14001",
        // A blank row between the two: errors must still point at the row the buyer typed in.
        ["Input.Criteria[1].Kind"] = "",
        ["Input.Criteria[2].Kind"] = "LeadTimeAtMost",
        ["Input.Criteria[2].Weight"] = "40",
        ["Input.Criteria[2].Days"] = "20",
    };

    [DatabaseFact]
    public async Task ABuyerDraftsAndPublishesThroughTheFormAndARefusedShorteningIsShownNextToTheDate()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var affected = await app.AgreedSupplierAsync(buyer);
        using var browser = await BrowserAsync(buyer);
        var page = await browser.GetStringAsync("/Consolidation/Edit");

        // Too short a notice is refused beside the date; the second criterion row is reported where it was typed.
        var fields = Form(page, 100);
        fields["Input.Criteria[2].Days"] = "";
        var refused = Html.Parse(await (await browser.PostAsync("/Consolidation/Edit?handler=Save", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
        Assert.NotNull(refused.QuerySelector("[data-error-for='decisionDate']"));
        Assert.NotNull(refused.QuerySelector("[data-error-for='criteria[2].days']"));

        var saved = await browser.PostAsync("/Consolidation/Edit?handler=Save", new FormUrlEncodedContent(Form(page, 200)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var edit = saved.Headers.Location!.OriginalString;
        var id = int.Parse(edit.Split('/').Last());
        var draft = await app.WithDbAsync(db => db.ConsolidationNotices.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal(NoticeStatus.Draft, draft.Status);
        Assert.Equal([60, 40], draft.Criteria.Select(c => c.Weight ?? 0));

        // The list shows the draft to its buyer only.
        Assert.Contains("Fewer coating suppliers", Html.Parse(await browser.GetStringAsync("/Consolidation")).QuerySelector("#my-drafts")!.TextContent);
        using var visitor = app.CreateClient();
        Assert.DoesNotContain("Fewer coating suppliers", await visitor.GetStringAsync("/Consolidation"));

        page = await browser.GetStringAsync(edit);
        var published = await browser.PostAsync($"{edit}?handler=Publish", new FormUrlEncodedContent(Form(page, 200)));
        Assert.Equal($"/Consolidation/{id}", published.Headers.Location!.OriginalString);
        await FinishedAsync(buyer, id);
        Assert.Single(await InboxAsync(affected, ConsolidationNotificationKinds.Notice));
        Assert.Contains("Fewer coating suppliers", Html.Parse(await visitor.GetStringAsync("/Consolidation")).QuerySelector("#notices")!.TextContent);

        // Published: shortening is refused next to the field, even above the platform minimum.
        page = await browser.GetStringAsync(edit);
        var shorter = Html.Parse(await (await browser.PostAsync($"{edit}?handler=Save", new FormUrlEncodedContent(Form(page, 190)))).Content.ReadAsStringAsync());
        Assert.Contains("cannot move earlier", shorter.QuerySelector("[data-error-for='decisionDate']")!.TextContent);
        Assert.Equal(200, (await app.WithDbAsync(db => db.ConsolidationNotices.AsNoTracking().SingleAsync(n => n.Id == id))).DecisionDate.DayNumber - app.ClockToday().DayNumber);

        // Nobody else opens the form.
        var rival = await app.SignUpAsync(OrganizationKind.Mne);
        using var other = await BrowserAsync(rival);
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync(edit)).StatusCode);
        using var sme = await BrowserAsync(affected);
        Assert.NotEqual(HttpStatusCode.OK, (await sme.GetAsync("/Consolidation/Edit")).StatusCode);
    }

    [DatabaseFact]
    public async Task TheBuyerRecordsOutcomesOnTheNoticePageFromTheDecisionDate()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var affected = await app.AgreedSupplierAsync(buyer);
        var notice = await app.PublishedAsync(buyer, app.Notice(days: 180));
        await FinishedAsync(buyer, notice);
        using (var before = await BrowserAsync(buyer))
            Assert.Null(Html.Parse(await before.GetStringAsync($"/Consolidation/{notice}")).QuerySelector(".outcome-form"));

        app.Clock.Advance(TimeSpan.FromDays(181));
        try
        {
            buyer = await app.FreshAsync(buyer);
            using var browser = await BrowserAsync(buyer);
            var page = await browser.GetStringAsync($"/Consolidation/{notice}");
            Assert.NotNull(Html.Parse(page).QuerySelector($".outcome-form[data-supplier='{affected.Me.OrgId}']"));
            var fields = new Dictionary<string, string>
            {
                [AntiforgeryTokens.FormField] = AntiforgeryTokens.FormToken(page),
                ["organizationId"] = affected.Me.OrgId.ToString(), ["outcome"] = "Retained", ["reason"] = " ",
            };
            var refused = Html.Parse(await (await browser.PostAsync($"/Consolidation/{notice}?handler=Outcome", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
            Assert.NotNull(refused.QuerySelector("[data-error-for='reason']"));

            fields["reason"] = "ISO 14001 certified and lead time down to 18 days.";
            Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/Consolidation/{notice}?handler=Outcome", new FormUrlEncodedContent(fields))).StatusCode);
            var progress = await FinishedAsync(buyer, notice);
            Assert.Equal("Retained", progress.GetProperty("suppliers")[0].GetProperty("outcome").GetString());
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-181));
        }
    }

    [DatabaseFact]
    public async Task TheBuyersRecordCountsNoticesAverageNoticeAndDecisionsOnOrAfterTheDate()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var first = await app.AgreedSupplierAsync(buyer);
        var second = await app.AgreedSupplierAsync(buyer);
        var a = await app.PublishedAsync(buyer, app.Notice(days: 200));
        var b = await app.PublishedAsync(buyer, app.Notice(days: 250));
        await FinishedAsync(buyer, a);
        await FinishedAsync(buyer, b);
        await (await buyer.Client.PostJsonAsync("/api/consolidation-notices", app.Notice())).Content.ReadAsStringAsync();
        // Of notice a's two suppliers, one decided a day after the date and one (recorded by hand) a day before it.
        var date = app.ClockToday().AddDays(200).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            var rows = await db.AffectedSuppliers.Where(x => x.NoticeId == a).OrderBy(x => x.OrganizationId).ToListAsync();
            rows[0].DecidedAt = new DateTimeOffset(date.AddDays(1));
            rows[0].Outcome = ConsolidationOutcome.Retained;
            rows[1].DecidedAt = new DateTimeOffset(date.AddDays(-1));
            rows[1].Outcome = ConsolidationOutcome.NotRetained;
            await db.SaveChangesAsync();
        });

        using var visitor = app.CreateClient();
        var record = await Expect.JsonAsync(await visitor.GetAsync($"/api/organizations/{buyer.Me.OrgId}/consolidation-record"), HttpStatusCode.OK);
        Assert.Equal(2, record.GetProperty("noticesPublished").GetInt32());
        Assert.Equal(225, record.GetProperty("averageNoticeDays").GetDouble());
        Assert.Equal(2, record.GetProperty("suppliersDecided").GetInt32());
        Assert.Equal(0.5, record.GetProperty("shareDecidedOnOrAfterDate").GetDouble());
        var body = record.GetRawText();
        Assert.DoesNotContain(first.Me.OrganizationName!, body);
        Assert.DoesNotContain(second.Me.OrganizationName!, body);

        var page = Html.Parse(await visitor.GetStringAsync($"/Buyers/{buyer.Me.OrgId}"));
        Assert.Equal("2", page.QuerySelector("[data-field='published']")!.TextContent.Trim());
        Assert.Equal("225.0 days", page.QuerySelector("[data-field='average']")!.TextContent.Trim());
        await Expect.ProblemAsync(await visitor.GetAsync($"/api/organizations/{first.Me.OrgId}/consolidation-record"), HttpStatusCode.NotFound);
        visitor.DefaultRequestHeaders.Add("Accept-Language", "ja");
        await Localization.UntranslatedPageTests.AssertTranslatedAsync(visitor, $"/Buyers/{buyer.Me.OrgId}", "ja");
        await Localization.UntranslatedPageTests.AssertTranslatedAsync(visitor, "/Consolidation", "ja");
    }

    [DatabaseFact]
    public async Task TheAffectedSmeIsMatchedToOtherBuyersRequirementsTheSameMinute()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var otherBuyer = await app.SignUpAsync(OrganizationKind.Mne);
        var affected = await app.AgreedSupplierAsync(buyer);
        var own = await buyer.PublishNewRequirementAsync(Samples.Requirement("Anodised housings for the consolidating buyer"));
        var elsewhere = await otherBuyer.PublishNewRequirementAsync(Samples.Requirement("Anodised sensor housings for a Nordic buyer"));

        // Requirements reach the search index in the background: the notice comes once both can be found.
        for (var i = 0; i < 100; i++)
        {
            var found = await Expect.JsonAsync(await affected.Client.GetAsync($"/api/organizations/{affected.Me.OrgId}/recommended-requirements"), HttpStatusCode.OK);
            if (found.GetRawText().Contains("for a Nordic buyer") && found.GetRawText().Contains("for the consolidating buyer")) break;
            await Task.Delay(100);
        }
        var notice = await app.PublishedAsync(buyer);
        await FinishedAsync(buyer, notice);

        var told = Assert.Single(await InboxAsync(affected, ConsolidationNotificationKinds.Notice));
        Assert.Contains("Anodised sensor housings for a Nordic buyer", told.GetProperty("body").GetString());
        Assert.DoesNotContain("for the consolidating buyer", told.GetProperty("body").GetString());

        var matches = await Expect.JsonAsync(
            await affected.Client.GetAsync($"/api/organizations/{affected.Me.OrgId}/consolidation-notices/{notice}/matches"), HttpStatusCode.OK);
        var ids = matches.EnumerateArray().Select(m => m.GetProperty("requirementId").GetInt32()).ToList();
        Assert.Contains(elsewhere, ids);
        Assert.DoesNotContain(own, ids);
        var match = matches.EnumerateArray().First(m => m.GetProperty("requirementId").GetInt32() == elsewhere);
        Assert.Equal(3, match.GetProperty("criteria").GetArrayLength());
        // It misses the mandatory ISO 9001 alone, so it is pointed to partners who would complete its bid.
        Assert.Equal(match.GetProperty("qualified").GetBoolean() ? null : $"/Consortia/Partners/{elsewhere}",
            match.TryGetProperty("partners", out var partners) ? partners.GetString() : null);

        var page = Html.Parse(await affected.Client.GetStringAsync($"/Consolidation/{notice}"));
        Assert.NotNull(page.QuerySelector($".new-match[data-requirement='{elsewhere}']"));
        Assert.Null(page.QuerySelector($".new-match[data-requirement='{own}']"));

        // Private to the SME.
        await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/organizations/{affected.Me.OrgId}/consolidation-notices/{notice}/matches"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await otherBuyer.Client.GetAsync($"/api/organizations/{affected.Me.OrgId}/consolidation-notices/{notice}/matches"), HttpStatusCode.Forbidden);
        var stranger = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await stranger.Client.GetAsync($"/api/organizations/{stranger.Me.OrgId}/consolidation-notices/{notice}/matches"), HttpStatusCode.NotFound);
        await Expect.ValidationErrorAsync(
            await affected.Client.GetAsync($"/api/organizations/{affected.Me.OrgId}/consolidation-notices/{notice}/matches?top=0"), "top");
    }
}

public sealed class ConsolidationPagesTestsOnSqlite(SqliteApp app) : ConsolidationPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ConsolidationPagesTestsOnPostgres(PostgresApp app) : ConsolidationPagesTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
