using System.Net;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Requirements;

/// <summary>Draft → published → (edited, versioned) → closed → awarded; anything else is a 409.</summary>
public abstract class RequirementLifecycleTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task APublishedRequirementKeepsEveryVersionOfItsCriteria()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await mne.CreateRequirementAsync();
        var draft = await Get(mne, id);
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(0, draft.GetProperty("version").GetInt32());

        var published = await Expect.JsonAsync(await mne.Client.PostAsync($"/api/requirements/{id}/publish"), HttpStatusCode.OK);
        Assert.Equal("Published", published.GetProperty("status").GetString());
        Assert.Equal(1, published.GetProperty("version").GetInt32());

        var changed = Samples.Requirement("Machined aluminium housings, revised") with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" },
                new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 70, Keywords = ["cnc milling"] },
                new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 30, Days = 20 },
            ],
            ChangeNote = "Shorter lead time; anodising dropped.",
        };
        var edited = await Expect.JsonAsync(await mne.Client.PutCurrentAsync($"/api/requirements/{id}", changed), HttpStatusCode.OK);
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
        Assert.Equal("Published", edited.GetProperty("status").GetString());

        var versions = await Expect.JsonAsync(await mne.Client.GetAsync($"/api/requirements/{id}/versions"), HttpStatusCode.OK);
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        var (first, second) = (versions[0], versions[1]);
        Assert.Equal("Machined aluminium housings", first.GetProperty("title").GetString());
        Assert.Equal("Machined aluminium housings, revised", second.GetProperty("title").GetString());
        Assert.Equal("Shorter lead time; anodising dropped.", second.GetProperty("changeNote").GetString());
        Assert.Equal([60, 40], Weights(first));
        Assert.Equal([70, 30], Weights(second));
        Assert.Equal(30, first.GetProperty("criteria")[2].GetProperty("days").GetInt32());
        Assert.Equal(20, second.GetProperty("criteria")[2].GetProperty("days").GetInt32());

        // Another organisation sees the same history: the criteria are public once published.
        var supplier = await app.SignUpAsync(OrganizationKind.Sme);
        var seen = await Expect.JsonAsync(await supplier.Client.GetAsync($"/api/requirements/{id}/versions"), HttpStatusCode.OK);
        Assert.Equal(2, seen.GetArrayLength());
    }

    [DatabaseFact]
    public async Task ARequirementMovesFromPublishedToClosedAndIsAwardedOnlyToAnEvaluatedBid()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await mne.PublishNewRequirementAsync();

        var closed = await Expect.JsonAsync(await mne.Client.PostAsync($"/api/requirements/{id}/close"), HttpStatusCode.OK);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        // Awarding names a scored bid after the deadline (tests/Awards); a bare status change is refused.
        await Expect.ProblemAsync(await mne.Client.PostJsonAsync($"/api/requirements/{id}/award", new { reason = "Best overall score." }), HttpStatusCode.Conflict);
        Assert.Equal("Closed", (await Get(mne, id)).GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task IllegalTransitionsAreConflicts()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var draft = await mne.CreateRequirementAsync();
        await Expect.ProblemAsync(await mne.Client.PostAsync($"/api/requirements/{draft}/close"), HttpStatusCode.Conflict);
        await Expect.ProblemAsync(await mne.Client.PostJsonAsync($"/api/requirements/{draft}/award", new { reason = "Too early" }), HttpStatusCode.Conflict);

        var published = await mne.PublishNewRequirementAsync();
        await Expect.ProblemAsync(await mne.Client.PostAsync($"/api/requirements/{published}/publish"), HttpStatusCode.Conflict);
        await Expect.StatusAsync(await mne.Client.PostAsync($"/api/requirements/{published}/close"), HttpStatusCode.OK);
        await Expect.ProblemAsync(await mne.Client.PutJsonAsync($"/api/requirements/{published}", Samples.Requirement("Edited after closing")), HttpStatusCode.Conflict);
        await Expect.StatusAsync(await mne.Client.PostJsonAsync($"/api/requirements/{published}/cancel", new { reason = "Changed our mind" }), HttpStatusCode.OK);
        await Expect.ProblemAsync(await mne.Client.PostJsonAsync($"/api/requirements/{published}/cancel", new { reason = "Again" }), HttpStatusCode.Conflict);
        await Expect.ProblemAsync(await mne.Client.PostAsync($"/api/requirements/{published}/close"), HttpStatusCode.Conflict);

        var stored = await app.WithDbAsync(db => db.Requirements.AsNoTracking().SingleAsync(r => r.Id == published));
        Assert.Equal(Features.Requirements.RequirementStatus.Cancelled, stored.Status);
        Assert.NotEqual("Edited after closing", stored.Title);
    }

    [DatabaseFact]
    public async Task CancellingNeedsAReasonThatRespondersSee()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await mne.PublishNewRequirementAsync();
        await Expect.OneOfAsync(await mne.Client.PostJsonAsync($"/api/requirements/{id}/cancel", new { reason = "" }), HttpStatusCode.BadRequest, HttpStatusCode.Conflict);
        var cancelled = await Expect.JsonAsync(await mne.Client.PostJsonAsync($"/api/requirements/{id}/cancel", new { reason = "Budget withdrawn." }), HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        var supplier = await app.SignUpAsync(OrganizationKind.Sme);
        Assert.Equal("Budget withdrawn.", (await Get(supplier, id)).GetProperty("statusReason").GetString());
    }

    [DatabaseFact]
    public async Task OnlyDraftsCanBeDeleted()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var draft = await mne.CreateRequirementAsync();
        var published = await mne.PublishNewRequirementAsync();

        await Expect.ProblemAsync(await mne.Client.DeleteAsync($"/api/requirements/{published}"), HttpStatusCode.Conflict);
        await Expect.StatusAsync(await mne.Client.DeleteAsync($"/api/requirements/{draft}"), HttpStatusCode.NoContent);
        await Expect.StatusAsync(await mne.Client.GetAsync($"/api/requirements/{draft}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await mne.Client.GetAsync($"/api/requirements/{published}"), HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task DraftsAreListedOnlyForTheirOwnOrganisation()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var draft = await mne.CreateRequirementAsync(Samples.Requirement("Quiet draft " + Guid.NewGuid()));
        var published = await mne.PublishNewRequirementAsync();
        var supplier = await app.SignUpAsync(OrganizationKind.Sme);

        var mine = await Ids(mne, "/api/requirements?mine=true&pageSize=100");
        Assert.Contains(draft, mine);
        Assert.Contains(published, mine);
        var everyone = await Ids(supplier, "/api/requirements?pageSize=100");
        Assert.DoesNotContain(draft, everyone);
        Assert.Contains(published, everyone);
    }

    private static async Task<JsonElement> Get(Member member, int id) =>
        await Expect.JsonAsync(await member.Client.GetAsync($"/api/requirements/{id}"), HttpStatusCode.OK);

    private static async Task<List<int>> Ids(Member member, string url) =>
        (await Expect.JsonAsync(await member.Client.GetAsync(url), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

    private static List<int> Weights(JsonElement version) =>
        version.GetProperty("criteria").EnumerateArray()
            .Where(c => c.TryGetProperty("weight", out var w) && w.ValueKind == JsonValueKind.Number)
            .Select(c => c.GetProperty("weight").GetInt32()).ToList();
}

[Collection(SharedApps.SqliteB)]
public sealed class RequirementLifecycleTestsOnSqlite(SqliteApp app) : RequirementLifecycleTests(app);

[Collection(SharedApps.PostgresB)]
public sealed class RequirementLifecycleTestsOnPostgres(PostgresApp app) : RequirementLifecycleTests(app), IUsesPostgres;
