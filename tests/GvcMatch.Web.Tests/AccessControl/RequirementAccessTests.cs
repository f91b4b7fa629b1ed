using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.AccessControl;

/// <summary>No requirement is found by id alone: every call checks the caller's organisation.</summary>
public abstract class RequirementAccessTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task AnotherOrganisationCannotReadADraftRequirement()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Mne);
        var other = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var id = await owner.CreateRequirementAsync();

        await Expect.StatusAsync(await owner.Client.GetAsync($"/api/requirements/{id}"), HttpStatusCode.OK);
        await Expect.StatusAsync(await other.Client.GetAsync($"/api/requirements/{id}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await sme.Client.GetAsync($"/api/requirements/{id}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await other.Client.GetAsync($"/api/requirements/{id}/versions"), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AnotherOrganisationCannotEditOrDeleteARequirement()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Mne);
        var other = await app.SignUpAsync(OrganizationKind.Mne);
        var draft = await owner.CreateRequirementAsync(Samples.Requirement("Draft owned by someone else"));
        var published = await owner.PublishNewRequirementAsync(Samples.Requirement("Published, owned by someone else"));

        foreach (var id in new[] { draft, published })
        {
            await Expect.OneOfAsync(await other.Client.PutJsonAsync($"/api/requirements/{id}", Samples.Requirement("Taken over")),
                HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            await Expect.OneOfAsync(await other.Client.PostAsync($"/api/requirements/{id}/close"), HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            await Expect.OneOfAsync(await other.Client.DeleteAsync($"/api/requirements/{id}"), HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        }

        var stored = await app.WithDbAsync(db => db.Requirements.AsNoTracking().Where(r => r.Id == draft || r.Id == published).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.DoesNotContain(stored, r => r.Title == "Taken over");
        Assert.Equal(Features.Requirements.RequirementStatus.Published, stored.Single(r => r.Id == published).Status);
        Assert.Equal(1, stored.Single(r => r.Id == published).Version);
    }

    [DatabaseFact]
    public async Task AnSmeCannotPostARequirement()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var title = "Posted by an SME " + Guid.NewGuid();
        await Expect.ProblemAsync(await sme.Client.PostJsonAsync("/api/requirements", Samples.Requirement(title)), HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.Requirements.AnyAsync(r => r.Title == title)));
    }

    [DatabaseFact]
    public async Task ARequirementForAnotherOrganisationIsRefusedAndNothingIsCreated()
    {
        var caller = await app.SignUpAsync(OrganizationKind.Mne);
        var victim = await app.SignUpAsync(OrganizationKind.Mne);
        var title = "Posted in another's name " + Guid.NewGuid();
        var body = Samples.Requirement(title) with { OrganizationId = victim.Me.OrgId };

        await Expect.ProblemAsync(await caller.Client.PostJsonAsync("/api/requirements", body), HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.Requirements.AnyAsync(r => r.Title == title)));

        var own = await caller.CreateRequirementAsync();
        await Expect.StatusAsync(await caller.Client.PutJsonAsync($"/api/requirements/{own}", body), HttpStatusCode.Forbidden);
        var stored = await app.WithDbAsync(db => db.Requirements.AsNoTracking().SingleAsync(r => r.Id == own));
        Assert.Equal(caller.Me.OrgId, stored.OrganizationId);
        Assert.NotEqual(title, stored.Title);
    }

    [DatabaseFact]
    public async Task AnonymousCallersCannotWriteOrReadRequirements()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await owner.PublishNewRequirementAsync();
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        await Expect.StatusAsync(await anonymous.PostJsonAsync("/api/requirements", Samples.Requirement()), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.PutJsonAsync($"/api/requirements/{id}", Samples.Requirement("Anonymous edit")), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.PostAsync($"/api/requirements/{id}/close"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.DeleteAsync($"/api/requirements/{id}"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.GetAsync($"/api/requirements/{id}"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.GetAsync("/api/requirements"), HttpStatusCode.Unauthorized);
    }
}

[Collection(SharedApps.SqliteB)]
public sealed class RequirementAccessTestsOnSqlite(SqliteApp app) : RequirementAccessTests(app);

[Collection(SharedApps.PostgresB)]
public sealed class RequirementAccessTestsOnPostgres(PostgresApp app) : RequirementAccessTests(app), IUsesPostgres;
