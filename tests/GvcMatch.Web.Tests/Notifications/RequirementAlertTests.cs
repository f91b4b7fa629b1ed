using System.Net;
using System.Text.Json;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Notifications;

/// <summary>Publishing a requirement tells the members of the SMEs that meet every mandatory criterion, once per version.</summary>
public abstract class RequirementAlertTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task Publishing_a_requirement_notifies_the_members_of_a_qualifying_SME_and_not_a_non_qualifying_one()
    {
        var qualifying = await app.SignUpAsync(OrganizationKind.Sme);
        await qualifying.SaveProfileAsync(Samples.Profile());
        await qualifying.PublishProfileAsync();
        var colleague = new AddMemberRequest($"colleague-{Guid.NewGuid():N}@example.test", "Colleague", Accounts.Password);
        await Expect.StatusAsync(await qualifying.Client.PostJsonAsync($"/api/organizations/{qualifying.Me.OrgId}/members", colleague), HttpStatusCode.Created);
        var colleagueClient = await app.SignInAsync(colleague.Email, colleague.Password);

        // Same capabilities, but without the ISO 9001 certificate the requirement makes mandatory.
        var lacking = await app.SignUpAsync(OrganizationKind.Sme);
        await lacking.SaveProfileAsync(Samples.Profile() with { Certifications = [] });
        await lacking.PublishProfileAsync();
        await app.WaitForIndexAsync();

        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishNewRequirementAsync(Samples.Requirement("Anodised sensor housings"));

        await SearchProbe.EventuallyAsync(async () => (await InboxAsync(qualifying.Client)).Count > 0, "the qualifying SME's owner is notified");
        var note = Assert.Single(await InboxAsync(qualifying.Client));
        Assert.Equal(NotificationKinds.MatchingRequirement, note.GetProperty("kind").GetString());
        Assert.Equal($"/Requirements/{id}", note.GetProperty("link").GetString());
        Assert.Contains("Anodised sensor housings", note.GetProperty("title").GetString());
        Assert.Single(await InboxAsync(colleagueClient));
        Assert.Empty(await InboxAsync(lacking.Client));
        Assert.Empty(await InboxAsync(buyer.Client));
        var emailed = await app.WithDbAsync(db => db.Set<EmailOutboxEntry>().AsNoTracking()
            .Where(e => e.Subject.Contains("Anodised sensor housings")).Select(e => e.To).ToListAsync());
        Assert.Equal(new[] { qualifying.Email, colleague.Email }.Order(), emailed.Order());

        // The same version is never announced twice, however often it is matched again.
        var worker = app.Services.GetRequiredService<RequirementAlertWorker>();
        Assert.Equal(0, await worker.AlertAsync(id, CancellationToken.None));
        Assert.Single(await InboxAsync(qualifying.Client));
        var alerts = await app.WithDbAsync(db => db.Set<RequirementAlert>().AsNoTracking().Where(a => a.RequirementId == id).ToListAsync());
        Assert.Equal(qualifying.Me.OrgId, Assert.Single(alerts).OrganizationId);
    }

    [DatabaseFact]
    public async Task A_draft_requirement_notifies_nobody()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile());
        await sme.PublishProfileAsync();
        await app.WaitForIndexAsync();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var draft = await buyer.CreateRequirementAsync(Samples.Requirement("Draft housings"));

        Assert.Equal(0, await app.Services.GetRequiredService<RequirementAlertWorker>().AlertAsync(draft, CancellationToken.None));
        Assert.DoesNotContain(await InboxAsync(sme.Client), n => n.GetProperty("link").GetString() == $"/Requirements/{draft}");
    }

    private static async Task<List<JsonElement>> InboxAsync(HttpClient client)
    {
        var page = await Expect.JsonAsync(await client.GetAsync("/api/notifications"), HttpStatusCode.OK);
        return page.GetProperty("items").GetProperty("items").EnumerateArray().ToList();
    }
}

public sealed class RequirementAlertTestsOnSqlite(SqliteApp app) : RequirementAlertTests(app), IClassFixture<SqliteApp>;

public sealed class RequirementAlertTestsOnPostgres(PostgresApp app) : RequirementAlertTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
