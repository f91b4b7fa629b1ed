using System.Net;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Auth;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Audit;

/// <summary>Verification decisions and member changes are recorded (who, for which organisation, what, on what, why, when, from where) and only platform admins read them.</summary>
public abstract class AuditTests(GvcMatchApp app)
{
    private const string ClientAddress = "203.0.113.7";

    [DatabaseFact]
    public async Task AVerificationDecisionIsAuditedWithWhoWhyWhenAndFromWhere()
    {
        // A host whose requests come from a known address, as behind a real connection.
        await using var second = SecondInstance.Of(app);
        await using var remote = second.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, FixedRemoteAddress>()));
        var chamber = await app.SignUpAsync(OrganizationKind.Intermediary, "DE");
        await app.MarkVerifiedAsync(chamber.Me.OrgId);
        var sme = await app.SignUpAsync(OrganizationKind.Sme, "DE");
        using var client = remote.CreateClient();
        client.DefaultRequestHeaders.Authorization = chamber.Client.DefaultRequestHeaders.Authorization;
        var before = app.Clock.GetUtcNow();

        await Expect.StatusAsync(await client.PostJsonAsync($"/api/organizations/{sme.Me.OrgId}/verification",
            new { verified = true, reason = "Member of our chamber." }), HttpStatusCode.OK);
        await Expect.StatusAsync(await client.PostJsonAsync($"/api/organizations/{sme.Me.OrgId}/verification",
            new { verified = false, reason = "Membership lapsed." }), HttpStatusCode.OK);

        var admin = await AdminAsync();
        var list = await Expect.JsonAsync(await admin.Client.GetAsync($"/api/admin/audit?organizationId={sme.Me.OrgId}&targetType=organization"), HttpStatusCode.OK);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var withdrawn = items[0];
        var granted = items[1];
        Assert.Equal(AuditActions.VerificationWithdrawn, withdrawn.GetProperty("action").GetString());
        Assert.Equal("Membership lapsed.", withdrawn.GetProperty("reason").GetString());
        Assert.Equal(AuditActions.VerificationGranted, granted.GetProperty("action").GetString());
        Assert.Equal("Member of our chamber.", granted.GetProperty("reason").GetString());
        Assert.Equal(chamber.Me.UserId, granted.GetProperty("actorUserId").GetString());
        Assert.Equal(chamber.Email, granted.GetProperty("actorEmail").GetString());
        Assert.Equal(chamber.Me.OrgId, granted.GetProperty("actorOrganizationId").GetInt32());
        Assert.Equal(sme.Me.OrgId.ToString(), granted.GetProperty("targetId").GetString());
        Assert.Equal(sme.Me.OrganizationName, granted.GetProperty("targetName").GetString());
        Assert.Equal(ClientAddress, granted.GetProperty("remoteAddress").GetString());
        var at = granted.GetProperty("at").GetDateTimeOffset();
        Assert.InRange(at, before.AddSeconds(-1), app.Clock.GetUtcNow().AddSeconds(1));

        // Filters: by action, by actor (email, any case).
        var byAction = await Expect.JsonAsync(await admin.Client.GetAsync($"/api/admin/audit?action={AuditActions.VerificationGranted}&organizationId={sme.Me.OrgId}"), HttpStatusCode.OK);
        Assert.Equal(1, byAction.GetProperty("total").GetInt32());
        var byActor = await Expect.JsonAsync(await admin.Client.GetAsync($"/api/admin/audit?actor={Uri.EscapeDataString(chamber.Email.ToUpperInvariant())}"), HttpStatusCode.OK);
        Assert.Equal(2, byActor.GetProperty("total").GetInt32());
        var paged = await Expect.JsonAsync(await admin.Client.GetAsync($"/api/admin/audit?actor={chamber.Me.UserId}&pageSize=1&page=2"), HttpStatusCode.OK);
        Assert.Equal(AuditActions.VerificationGranted, Assert.Single(paged.GetProperty("items").EnumerateArray()).GetProperty("action").GetString());
    }

    [DatabaseFact]
    public async Task MemberChangesAreAudited()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Mne);
        var email = $"member-{Guid.NewGuid():N}@example.test";
        var added = await Expect.JsonAsync(await owner.Client.PostJsonAsync($"/api/organizations/{owner.Me.OrgId}/members",
            new { email, password = Accounts.Password }), HttpStatusCode.Created);
        var memberId = added.GetProperty("userId").GetString()!;
        await Expect.StatusAsync(await owner.Client.PutJsonAsync($"/api/organizations/{owner.Me.OrgId}/members/{memberId}", new { role = "Owner" }), HttpStatusCode.OK);
        await Expect.StatusAsync(await owner.Client.DeleteAsync($"/api/organizations/{owner.Me.OrgId}/members/{memberId}"), HttpStatusCode.NoContent);

        var admin = await AdminAsync();
        var list = await Expect.JsonAsync(await admin.Client.GetAsync($"/api/admin/audit?targetId={memberId}"), HttpStatusCode.OK);
        var entries = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([AuditActions.MemberRemoved, AuditActions.MemberRoleChanged, AuditActions.MemberAdded], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e =>
        {
            Assert.Equal(owner.Me.UserId, e.GetProperty("actorUserId").GetString());
            Assert.Equal(owner.Me.OrgId, e.GetProperty("organizationId").GetInt32());
            Assert.Equal(email, e.GetProperty("targetName").GetString());
        });
        Assert.Equal("Member to Owner.", entries[1].GetProperty("reason").GetString());
    }

    [DatabaseFact]
    public async Task OnlyPlatformAdminsReadTheTrail()
    {
        var chamber = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MarkVerifiedAsync(chamber.Me.OrgId);
        await Expect.ProblemAsync(await chamber.Client.GetAsync("/api/admin/audit"), HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        await Expect.StatusAsync(await anonymous.GetAsync("/api/admin/audit"), HttpStatusCode.Unauthorized);
        using var chamberBrowser = PageForms.Browser(app);
        await PageForms.SignInAsync(chamberBrowser, chamber.Email, chamber.Password);
        await Expect.StatusAsync(await chamberBrowser.GetAsync("/Admin/Audit"), HttpStatusCode.Forbidden);

        var admin = await AdminAsync();
        await Expect.ValidationErrorAsync(await admin.Client.GetAsync("/api/admin/audit?action=anything"), "action");
        await Expect.ValidationErrorAsync(await admin.Client.GetAsync("/api/admin/audit?pageSize=1000"), "pageSize");
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.StatusAsync(await admin.Client.PostJsonAsync($"/api/organizations/{sme.Me.OrgId}/verification",
            new { verified = true, reason = "Checked by the <b>admin</b>." }), HttpStatusCode.OK);

        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, admin.Email, admin.Password);
        var page = await browser.GetAsync($"/Admin/Audit?action={AuditActions.VerificationGranted}&organizationId={sme.Me.OrgId}");
        await Expect.StatusAsync(page, HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(sme.Me.OrganizationName!, html);
        Assert.Contains("Checked by the &lt;b&gt;admin&lt;/b&gt;.", html);
        Assert.Empty(PageForms.InlineScripts(html));
    }

    private async Task<Member> AdminAsync()
    {
        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        return admin;
    }

    private sealed class FixedRemoteAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(ClientAddress);
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

public sealed class AuditTestsOnSqlite(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTestsOnPostgres(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
