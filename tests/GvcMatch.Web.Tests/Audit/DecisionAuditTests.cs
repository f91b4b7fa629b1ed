using System.Net;
using System.Text;
using System.Text.Json;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Auth;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Audit;

/// <summary>Awards, debriefs, cancellations, complaints, imports and admin actions each leave an entry that admins can filter.</summary>
public abstract class DecisionAuditTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task An_award_its_debriefs_and_a_complaint_thread_are_audited()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app, "Audited housings");
        var winner = await app.BidderAsync();
        var loser = await app.BidderAsync();
        var winnerBid = await app.SubmitBidAsync(id, winner);
        var loserBid = await app.SubmitBidAsync(id, loser, price: 1200);
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);
        await buyer.CompleteScoresAsync(id, winnerBid, 0.9);
        await buyer.CompleteScoresAsync(id, loserBid, 0.4);
        await Expect.StatusAsync(await buyer.Client.AwardAsync(id, winnerBid), HttpStatusCode.OK);
        loser = await app.FreshAsync(loser);
        var lodged = await Expect.JsonAsync(await loser.Client.PostJsonAsync($"/api/bids/{loserBid}/complaints",
            new { subject = "Lead time scored wrongly", text = "We offered 40 working days." }), HttpStatusCode.Created);
        var complaint = lodged.GetProperty("id").GetInt32();
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync($"/api/complaints/{complaint}/posts", new { text = "Thirty was published." }), HttpStatusCode.OK);
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync($"/api/complaints/{complaint}/posts", new { text = "Closed with this answer.", close = true }), HttpStatusCode.OK);

        var admin = await AdminAsync();
        var award = Assert.Single(await EntriesAsync(admin, $"action={AuditActions.AwardMade}&organizationId={buyer.Me.OrgId}"));
        Assert.Equal(buyer.Me.UserId, award.GetProperty("actorUserId").GetString());
        Assert.Equal("requirement", award.GetProperty("targetType").GetString());
        Assert.Equal(id.ToString(), award.GetProperty("targetId").GetString());
        Assert.Equal("Audited housings", award.GetProperty("targetName").GetString());
        Assert.Contains(winner.Me.OrganizationName!, award.GetProperty("reason").GetString());

        var debriefs = await EntriesAsync(admin, $"action={AuditActions.DebriefSent}&actor={buyer.Me.UserId}");
        Assert.Equal(new[] { loserBid, winnerBid }.Select(b => b.ToString()).Order(), debriefs.Select(d => d.GetProperty("targetId").GetString()).Order());
        Assert.Contains(debriefs, d => d.GetProperty("organizationId").GetInt32() == loser.Me.OrgId);

        var thread = await EntriesAsync(admin, $"organizationId={loser.Me.OrgId}");
        var lodgedEntry = Assert.Single(thread, e => e.GetProperty("action").GetString() == AuditActions.ComplaintLodged);
        Assert.Equal(loser.Me.UserId, lodgedEntry.GetProperty("actorUserId").GetString());
        Assert.Equal(buyer.Me.OrgId, lodgedEntry.GetProperty("organizationId").GetInt32());
        Assert.Equal("Lead time scored wrongly", lodgedEntry.GetProperty("reason").GetString());
        var byBuyer = await EntriesAsync(admin, $"targetType=complaint&targetId={complaint}");
        Assert.Equal([AuditActions.ComplaintClosed, AuditActions.ComplaintPosted], byBuyer.Select(e => e.GetProperty("action").GetString()));
        Assert.All(byBuyer, e => Assert.Equal(buyer.Me.UserId, e.GetProperty("actorUserId").GetString()));
    }

    [DatabaseFact]
    public async Task Cancelling_a_requirement_is_audited_with_its_reason()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app);
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync($"/api/requirements/{id}/cancel", new { reason = "The project was stopped." }), HttpStatusCode.OK);

        var admin = await AdminAsync();
        var entry = Assert.Single(await EntriesAsync(admin, $"action={AuditActions.RequirementCancelled}&organizationId={buyer.Me.OrgId}"));
        Assert.Equal(id.ToString(), entry.GetProperty("targetId").GetString());
        Assert.Equal("The project was stopped.", entry.GetProperty("reason").GetString());
        Assert.Equal(buyer.Me.UserId, entry.GetProperty("actorUserId").GetString());
    }

    [DatabaseFact]
    public async Task An_uploaded_import_and_a_search_rebuild_are_audited_with_the_admin_who_ran_them()
    {
        var admin = await AdminAsync();
        var key = $"sme-audit-{Guid.NewGuid():N}";
        var file = $$"""{ "organizations": [ { "key": "{{key}}", "kind": "Sme", "name": "Audit Castings", "country": "PL" } ] }""";
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(file)), "files", "audit-import.json" } })
            await Expect.StatusAsync(await admin.Client.PostAsync("/api/admin/import", form), HttpStatusCode.OK);
        await Expect.StatusAsync(await admin.Client.PostAsync("/api/admin/search/rebuild", null), HttpStatusCode.Accepted);
        // The admin page's upload goes through the same recorder.
        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, admin.Email, admin.Password);
        using (var page = new MultipartFormDataContent
               {
                   { new StringContent(await PageForms.TokenAsync(browser, "/Admin/Import")), "__RequestVerificationToken" },
                   { new ByteArrayContent(Encoding.UTF8.GetBytes(file)), "Files", "page-import.json" },
               })
            await Expect.StatusAsync(await browser.PostAsync("/Admin/Import", page), HttpStatusCode.OK);

        var entries = await EntriesAsync(admin, $"actor={admin.Me.UserId}");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == AuditActions.ImportRun && e.GetProperty("targetName").GetString() == "page-import.json");
        var import = Assert.Single(entries, e => e.GetProperty("action").GetString() == AuditActions.ImportRun && e.GetProperty("targetName").GetString() == "audit-import.json");
        Assert.Equal("audit-import.json", import.GetProperty("targetName").GetString());
        var reason = import.GetProperty("reason").GetString()!;
        Assert.StartsWith("Upload; 1 file(s), 1 row(s).", reason);
        Assert.Contains("organisations: ", reason);
        var rebuild = Assert.Single(entries, e => e.GetProperty("action").GetString() == AuditActions.SearchRebuildStarted);
        Assert.Equal("search_index", rebuild.GetProperty("targetType").GetString());

        // A member of an ordinary organisation reads none of it.
        var member = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await member.Client.GetAsync($"/api/admin/audit?action={AuditActions.ImportRun}"), HttpStatusCode.Forbidden);
    }

    private async Task<Member> AdminAsync()
    {
        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        return admin;
    }

    private static async Task<List<JsonElement>> EntriesAsync(Member admin, string query) =>
        (await Expect.JsonAsync(await admin.Client.GetAsync($"/api/admin/audit?pageSize=100&{query}"), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList();
}

public sealed class DecisionAuditTestsOnSqlite(SqliteApp app) : DecisionAuditTests(app), IClassFixture<SqliteApp>;

public sealed class DecisionAuditTestsOnPostgres(PostgresApp app) : DecisionAuditTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
