using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Features.Certificates;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Tests.Bids;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GvcMatch.Web.Tests.Certificates;

/// <summary>
/// Expiry notices: the SME hears 90, 30 and 0 days before a certificate's valid-until, once each,
/// whatever passes, restarts or instances run; a buyer with an open bid from the SME hears when a
/// certificate its criteria ask for lapses. The app runs on a clock that moves only when a test
/// moves it, and the test runs the check itself after each move.
/// </summary>
public abstract class CertificateExpiryTests(GvcMatchApp app)
{
    private FakeTimeProvider Clock => app.FakeClock!;

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    private CertificateExpiryWorker Worker => app.Services.GetRequiredService<CertificateExpiryWorker>();

    /// <summary>The expiry notifications in the inboxes of an organisation's people, oldest first.</summary>
    private Task<List<Notification>> NoticesAsync(int organizationId) => app.WithDbAsync(db => db.Notifications.AsNoTracking()
        .Where(n => n.Kind == NotificationKinds.CertificateExpiry && db.Users.Any(u => u.Id == n.UserId && u.OrganizationId == organizationId))
        .OrderBy(n => n.Id).ToListAsync());

    private async Task AdvanceAndCheckAsync(int days)
    {
        Clock.Advance(TimeSpan.FromDays(days));
        await Worker.RunOnceAsync(CancellationToken.None);
    }

    private async Task<Member> SmeHoldingAsync(string standard, int validForDays)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { Certifications = [new CertificationInput(standard, "TÜV", "C-1", Today.AddDays(validForDays))] });
        return sme;
    }

    [DatabaseFact]
    public async Task TheSmeIsToldNinetyThirtyAndZeroDaysBeforeOnceEachByInboxAndEmail()
    {
        var sme = await SmeHoldingAsync("ISO 13485", 100);
        await Worker.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await NoticesAsync(sme.Me.OrgId));

        await AdvanceAndCheckAsync(10);
        await Worker.RunOnceAsync(CancellationToken.None);
        var notice = Assert.Single(await NoticesAsync(sme.Me.OrgId));
        Assert.Equal("Your ISO 13485 certificate expires in 90 days", notice.Title);
        Assert.Equal("/Account/Profile", notice.Link);

        // Saving the profile writes its certificates afresh; the same certificate is not announced again.
        sme = await app.SignInAgainAsync(sme);
        await sme.SaveProfileAsync(Samples.Profile("Surgical instrument machining.") with { Certifications = [new CertificationInput("ISO 13485", "TÜV", "C-1", Today.AddDays(90))] });
        await Worker.RunOnceAsync(CancellationToken.None);
        Assert.Single(await NoticesAsync(sme.Me.OrgId));

        await AdvanceAndCheckAsync(59);
        Assert.Single(await NoticesAsync(sme.Me.OrgId));
        await AdvanceAndCheckAsync(1);
        Assert.Equal("Your ISO 13485 certificate expires in 30 days", (await NoticesAsync(sme.Me.OrgId)).Last().Title);
        await AdvanceAndCheckAsync(30);
        await AdvanceAndCheckAsync(1);
        var titles = (await NoticesAsync(sme.Me.OrgId)).Select(n => n.Title).ToList();
        Assert.Equal(["Your ISO 13485 certificate expires in 90 days", "Your ISO 13485 certificate expires in 30 days", "Your ISO 13485 certificate expires today"], titles);

        var emails = await app.WithDbAsync(db => db.Set<EmailOutboxEntry>().AsNoTracking().Where(e => e.To == sme.Email).Select(e => e.Subject).ToListAsync());
        Assert.Equal(3, emails.Count(s => s.StartsWith("Your ISO 13485 certificate", StringComparison.Ordinal)));
    }

    [DatabaseFact]
    public async Task AMissedNoticeIsNotCaughtUpAndARenewalStartsAgain()
    {
        // Entered 20 days before it runs out: only the 30-day notice is due (it says how many days are left), not the 90-day one as well.
        var sme = await SmeHoldingAsync("ISO 50001", 20);
        await Worker.RunOnceAsync(CancellationToken.None);
        Assert.Equal(["Your ISO 50001 certificate expires in 20 days"], (await NoticesAsync(sme.Me.OrgId)).Select(n => n.Title));
        Assert.Equal(30, await app.WithDbAsync(db => db.CertificateExpiryNotices.Where(n => n.RecipientOrganizationId == sme.Me.OrgId).Select(n => n.Threshold).SingleAsync()));

        // Renewed: its new valid-until gets notices of its own in time.
        await sme.SaveProfileAsync(Samples.Profile() with { Certifications = [new CertificationInput("ISO 50001", "TÜV", "C-1", Today.AddDays(100))] });
        await Worker.RunOnceAsync(CancellationToken.None);
        Assert.Single(await NoticesAsync(sme.Me.OrgId));
        await AdvanceAndCheckAsync(10);
        Assert.Equal(2, (await NoticesAsync(sme.Me.OrgId)).Count);
        Assert.EndsWith("expires in 90 days", (await NoticesAsync(sme.Me.OrgId)).Last().Title);
    }

    [DatabaseFact]
    public async Task PassesOfSeveralInstancesAtOnceAndAfterARestartSendEachNoticeOnce()
    {
        var smes = new List<Member>();
        for (var i = 0; i < 4; i++) smes.Add(await SmeHoldingAsync("ISO 14001", 95));
        Clock.Advance(TimeSpan.FromDays(5));

        // Workers of their own, as other app instances would run them against the same database.
        var workers = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<CertificateExpiryWorker>(app.Services)).ToList();
        await Task.WhenAll(workers.Select(w => w.RunOnceAsync(CancellationToken.None)));
        var restarted = ActivatorUtilities.CreateInstance<CertificateExpiryWorker>(app.Services);
        await restarted.RunOnceAsync(CancellationToken.None);
        await Worker.RunOnceAsync(CancellationToken.None);

        foreach (var sme in smes) Assert.Single(await NoticesAsync(sme.Me.OrgId));
        var claims = await app.WithDbAsync(db => db.CertificateExpiryNotices.AsNoTracking().CountAsync(n => n.Threshold == 90
            && smes.Select(s => s.Me.OrgId).Contains(n.RecipientOrganizationId)));
        Assert.Equal(4, claims);
    }

    [DatabaseFact]
    public async Task ABuyerWithAnOpenBidIsToldWhenACertificateItsCriteriaAcceptLapsesAndOthersAreNot()
    {
        var sme = await SmeHoldingAsync("ISO 9001", 10);
        RequirementInput Asking(Criterion certificate) => BidKit.RequirementWithLots() with
        {
            ResponseDeadline = Today.AddDays(30), ContractStart = Today.AddDays(60),
            Criteria = [certificate, .. Samples.Requirement().Criteria!.Skip(1)],
        };
        var equivalents = new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, AnyOf = [new AcceptedStandard("IATF 16949"), new AcceptedStandard("ISO 9001:2015")] };
        var (bidBuyer, requirement) = await app.BuyerWithRequirementAsync(Asking(equivalents));
        var (otherStandardBuyer, otherRequirement) = await app.BuyerWithRequirementAsync(Asking(new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 14001" }));
        var (noBidBuyer, _) = await app.BuyerWithRequirementAsync(Asking(equivalents));
        var (draftBuyer, draftRequirement) = await app.BuyerWithRequirementAsync(Asking(equivalents));
        await sme.SubmittedBidAsync(requirement);
        await sme.SubmittedBidAsync(otherRequirement);
        await sme.CreateBidAsync(draftRequirement);
        await Worker.RunOnceAsync(CancellationToken.None);

        await AdvanceAndCheckAsync(10);
        Assert.Empty(await NoticesAsync(bidBuyer.Me.OrgId));
        await AdvanceAndCheckAsync(1);
        await Worker.RunOnceAsync(CancellationToken.None);
        var notice = Assert.Single(await NoticesAsync(bidBuyer.Me.OrgId));
        Assert.Equal($"{sme.Me.OrganizationName}'s ISO 9001 certificate has lapsed", notice.Title);
        Assert.Contains("Machined aluminium housings", notice.Body);
        Assert.Equal($"/Suppliers/{sme.Me.OrgId}", notice.Link);
        Assert.Empty(await NoticesAsync(otherStandardBuyer.Me.OrgId));
        Assert.Empty(await NoticesAsync(noBidBuyer.Me.OrgId));
        Assert.Empty(await NoticesAsync(draftBuyer.Me.OrgId));
        // The SME itself heard at 30 (its first pass) and 0 days, and nothing more on the lapse.
        Assert.Equal(2, (await NoticesAsync(sme.Me.OrgId)).Count);
    }
}

public sealed class CertificateExpiryTestsOnSqlite(SqliteAppOnFakeClock app) : CertificateExpiryTests(app), IClassFixture<SqliteAppOnFakeClock>;

public sealed class CertificateExpiryTestsOnPostgres(PostgresAppOnFakeClock app) : CertificateExpiryTests(app), IClassFixture<PostgresAppOnFakeClock>, IUsesPostgres;
