using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Auth;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Verification;

/// <summary>
/// The bounded chain of trust: admins verify anyone; a verified intermediary verifies SMEs of its
/// own country and nothing else; every decision needs a reason.
/// </summary>
public abstract class TrustChainTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task AVerifiedIntermediaryDecidesForSmesOfItsOwnCountryOnly()
    {
        var chamber = await app.SignUpAsync(OrganizationKind.Intermediary, "DE");
        await app.MarkVerifiedAsync(chamber.Me.OrgId);
        var smeHere = await app.SignUpAsync(OrganizationKind.Sme, "DE");
        var smeAbroad = await app.SignUpAsync(OrganizationKind.Sme, "FR");
        var mneHere = await app.SignUpAsync(OrganizationKind.Mne, "DE");
        var agencyHere = await app.SignUpAsync(OrganizationKind.Intermediary, "DE");

        await Expect.StatusAsync(await Decide(chamber, smeHere, true, "Member of our chamber since 2015."), HttpStatusCode.OK);
        await Expect.StatusAsync(await Decide(chamber, smeHere, false, "Membership lapsed."), HttpStatusCode.OK);
        foreach (var other in new[] { smeAbroad, mneHere, agencyHere })
        {
            await Expect.ProblemAsync(await Decide(chamber, other, true, "Looks fine."), HttpStatusCode.Forbidden);
        }
        Assert.False(await app.WithDbAsync(db => db.Organizations.AnyAsync(o =>
            (o.Id == smeAbroad.Me.OrgId || o.Id == mneHere.Me.OrgId || o.Id == agencyHere.Me.OrgId || o.Id == smeHere.Me.OrgId) && o.Verified)));

        // An SME it verified verifies nobody: the chain stops after one intermediary.
        await Expect.StatusAsync(await Decide(chamber, smeHere, true, "Re-checked the registry extract."), HttpStatusCode.OK);
        await Expect.ProblemAsync(await Decide(smeHere, smeAbroad, true, "Our supplier."), HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task OnlyPlatformAdminsWithdrawAnMnesOrAnIntermediarysBadge()
    {
        var chamber = await app.SignUpAsync(OrganizationKind.Intermediary, "DE");
        await app.MarkVerifiedAsync(chamber.Me.OrgId);
        var otherChamber = await app.SignUpAsync(OrganizationKind.Intermediary, "DE");
        await app.MarkVerifiedAsync(otherChamber.Me.OrgId);
        var mne = await app.SignUpAsync(OrganizationKind.Mne, "DE");
        await app.MarkVerifiedAsync(mne.Me.OrgId);
        var admin = await app.SignUpAsync(OrganizationKind.Intermediary, "DE");
        await app.MakePlatformAdminAsync(admin.Me.UserId);

        await Expect.ProblemAsync(await Decide(chamber, mne, false, "Competitor of our members."), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await Decide(chamber, otherChamber, false, "Rival chamber."), HttpStatusCode.Forbidden);
        Assert.True(await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == mne.Me.OrgId).Select(o => o.Verified).SingleAsync()));

        await Expect.StatusAsync(await Decide(admin, mne, false, "Registry shows the company was dissolved."), HttpStatusCode.OK);
        await Expect.StatusAsync(await Decide(admin, otherChamber, false, "Chamber merged into another."), HttpStatusCode.OK);
        // Un-verified, the other chamber decides nothing any more.
        var sme = await app.SignUpAsync(OrganizationKind.Sme, "DE");
        await Expect.ProblemAsync(await Decide(otherChamber, sme, true, "Our member."), HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task EveryDecisionNeedsAReason()
    {
        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);

        await Expect.ValidationErrorAsync(await admin.Client.PostJsonAsync($"/api/organizations/{sme.Me.OrgId}/verification", new { verified = true }), "reason");
        await Expect.ValidationErrorAsync(await Decide(admin, sme, true, "   "), "reason");
        Assert.False(await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == sme.Me.OrgId).Select(o => o.Verified).SingleAsync()));
        await Expect.StatusAsync(await Decide(admin, sme, true, "Registry extract checked."), HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task TheVerificationPageAppliesTheSameRule()
    {
        var chamber = await app.SignUpAsync(OrganizationKind.Intermediary, "JP");
        await app.MarkVerifiedAsync(chamber.Me.OrgId);
        var smeHere = await app.SignUpAsync(OrganizationKind.Sme, "JP");
        var mneHere = await app.SignUpAsync(OrganizationKind.Mne, "JP");
        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, chamber.Email, chamber.Password);

        var list = await (await browser.GetAsync("/Admin/Verification")).Content.ReadAsStringAsync();
        Assert.Contains(smeHere.Me.OrganizationName!, list);
        Assert.DoesNotContain(mneHere.Me.OrganizationName!, list);

        var forged = await PageForms.PostAsync(browser, "/Admin/Verification", new Dictionary<string, string>
            { ["id"] = mneHere.Me.OrgId.ToString(), ["verified"] = "true", ["reason"] = "Forged form." });
        await Expect.StatusAsync(forged, HttpStatusCode.Redirect);
        var noReason = await PageForms.PostAsync(browser, "/Admin/Verification", new Dictionary<string, string>
            { ["id"] = smeHere.Me.OrgId.ToString(), ["verified"] = "true", ["reason"] = "" });
        await Expect.StatusAsync(noReason, HttpStatusCode.Redirect);
        Assert.False(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => (o.Id == mneHere.Me.OrgId || o.Id == smeHere.Me.OrgId) && o.Verified)));

        var done = await PageForms.PostAsync(browser, "/Admin/Verification", new Dictionary<string, string>
            { ["id"] = smeHere.Me.OrgId.ToString(), ["verified"] = "true", ["reason"] = "Visited the workshop." });
        await Expect.StatusAsync(done, HttpStatusCode.Redirect);
        Assert.True(await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == smeHere.Me.OrgId).Select(o => o.Verified).SingleAsync()));
    }

    private static Task<HttpResponseMessage> Decide(Member who, Member target, bool verified, string reason) =>
        who.Client.PostJsonAsync($"/api/organizations/{target.Me.OrgId}/verification", new { verified, reason });
}

public sealed class TrustChainTestsOnSqlite(SqliteApp app) : TrustChainTests(app), IClassFixture<SqliteApp>;

public sealed class TrustChainTestsOnPostgres(PostgresApp app) : TrustChainTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
