using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Verification;

/// <summary>Only platform admins and verified intermediaries may grant the verified badge.</summary>
public abstract class VerificationTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task APlatformAdminVerifiesAnOrganisation()
    {
        var admin = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);

        var verified = await Expect.JsonAsync(await admin.Client.PostJsonAsync(
            $"/api/organizations/{sme.Me.OrgId}/verification", new { verified = true, note = "Registry extract checked." }), HttpStatusCode.OK);
        Assert.True(verified.GetProperty("verified").GetBoolean());

        using var anonymous = app.CreateClient();
        var shown = await Expect.JsonAsync(await anonymous.GetAsync($"/api/organizations/{sme.Me.OrgId}"), HttpStatusCode.OK);
        Assert.True(shown.GetProperty("verified").GetBoolean());
        Assert.True(shown.TryGetProperty("verifiedAt", out var at) && at.ValueKind == JsonValueKind.String, $"No verifiedAt: {shown}");
    }

    [DatabaseFact]
    public async Task AVerifiedIntermediaryVerifiesAnOrganisation()
    {
        var chamber = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MarkVerifiedAsync(chamber.Me.OrgId);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);

        await Expect.StatusAsync(await chamber.Client.PostJsonAsync(
            $"/api/organizations/{sme.Me.OrgId}/verification", new { verified = true, note = "Member of our chamber." }), HttpStatusCode.OK);
        Assert.True(await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == sme.Me.OrgId).Select(o => o.Verified).SingleAsync()));
    }

    [DatabaseFact]
    public async Task AnUnverifiedIntermediaryCannotVerify()
    {
        var agency = await app.SignUpAsync(OrganizationKind.Intermediary);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await agency.Client.PostJsonAsync(
            $"/api/organizations/{sme.Me.OrgId}/verification", new { verified = true }), HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == sme.Me.OrgId).Select(o => o.Verified).SingleAsync()));
    }

    [DatabaseFact]
    public async Task AnSmeCannotVerifyItselfOrOthers()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var other = await app.SignUpAsync(OrganizationKind.Sme);
        foreach (var target in new[] { sme.Me.OrgId, other.Me.OrgId })
        {
            await Expect.ProblemAsync(await sme.Client.PostJsonAsync(
                $"/api/organizations/{target}/verification", new { verified = true }), HttpStatusCode.Forbidden);
        }
        Assert.False(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => (o.Id == sme.Me.OrgId || o.Id == other.Me.OrgId) && o.Verified)));
    }

    [DatabaseFact]
    public async Task OnlyVerifiersSeeTheReviewQueue()
    {
        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);

        var queue = await Expect.JsonAsync(await admin.Client.GetAsync("/api/admin/organizations?verified=false"), HttpStatusCode.OK);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetInt32() == sme.Me.OrgId);
        await Expect.StatusAsync(await sme.Client.GetAsync("/api/admin/organizations?verified=false"), HttpStatusCode.Forbidden);
    }
}

public sealed class VerificationTestsOnSqlite(SqliteApp app) : VerificationTests(app), IClassFixture<SqliteApp>;

public sealed class VerificationTestsOnPostgres(PostgresApp app) : VerificationTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
