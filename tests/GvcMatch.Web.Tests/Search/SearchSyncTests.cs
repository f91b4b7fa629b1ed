using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Search;

/// <summary>The index follows the database: soon after each change, after a crash, and whatever order the outbox rows come in.</summary>
public abstract class SearchSyncTests(GvcMatchApp app)
{
    /// <summary>
    /// The write itself wakes the indexer: with the fallback poll an hour away, the published profile
    /// is indexed by the pass the write's signal started (the test waits for that pass without waking
    /// the indexer itself), so the promise of "searchable within about a second" does not rest on polling.
    /// </summary>
    [DatabaseFact]
    public async Task APublishedProfileIsIndexedOnTheWritesOwnSignalAndADraftNeverIs()
    {
        await using var scratch = await ScratchDatabase.LikeAsync(app);
        await using var slowPoll = new GvcMatchApp(scratch.Database, new Dictionary<string, string> { ["Search:PollInterval"] = "01:00:00" });
        var word = SearchProbe.UniqueWord();
        var sme = await slowPoll.SignUpAsync(OrganizationKind.Sme);
        using var anyone = slowPoll.CreateClient();

        await sme.SaveProfileAsync(Samples.Profile($"Precision machining, {word} grade."));
        await slowPoll.WaitForIndexAsync();
        Assert.Empty(await SearchProbe.SupplierIdsAsync(anyone, $"q={word}"));

        await sme.PublishProfileAsync();
        var latest = await slowPoll.WithDbAsync(db => db.IndexOutbox.MaxAsync(e => e.Id));
        await slowPoll.Indexer().CaughtUpAsync(latest).WaitAsync(SearchProbe.Deadline);
        Assert.Equal([sme.Me.OrgId], await SearchProbe.SupplierIdsAsync(anyone, $"q={word}"));

        await sme.UnpublishProfileAsync();
        Assert.Empty(await slowPoll.IndexedSupplierIdsAsync(anyone, $"q={word}"));
    }

    /// <summary>
    /// A crash between the database commit and the index update, made deterministic: the first app's
    /// indexer is stopped (as a crashed process would be) before the changes are written, so their
    /// outbox rows are committed but never applied; the app is then disposed, and a second app over
    /// the same database and index folder must catch up from the index's stored checkpoint alone.
    /// Stopping the hosted service is more reliable than racing a dispose against the indexer.
    /// </summary>
    [DatabaseFact]
    public async Task ChangesCommittedWhileTheIndexerWasDownAreIndexedAfterARestart()
    {
        await using var scratch = await ScratchDatabase.LikeAsync(app);
        var word = SearchProbe.UniqueWord();
        int organizationId;
        await using (var first = new GvcMatchApp(scratch.Database))
        {
            var sme = await first.SignUpAsync(OrganizationKind.Sme);
            organizationId = sme.Me.OrgId;
            await first.WaitForIndexAsync();
            await first.Indexer().StopAsync(CancellationToken.None);

            await sme.SaveProfileAsync(Samples.Profile($"Laser cutting, {word} finish."));
            await sme.PublishProfileAsync();
            var checkpoint = await first.Services.GetSearchIndex().GetCheckpointAsync();
            var latest = await first.WithDbAsync(db => db.IndexOutbox.MaxAsync(e => e.Id));
            Assert.True(latest > checkpoint, "The changes should be waiting in the outbox.");
            using var client = first.CreateClient();
            Assert.Empty(await SearchProbe.SupplierIdsAsync(client, $"q={word}"));
        }

        await using var second = new GvcMatchApp(scratch.Database);
        using var anyone = second.CreateClient();
        Assert.Contains(organizationId, await second.IndexedSupplierIdsAsync(anyone, $"q={word}"));
    }

    [DatabaseFact]
    public async Task DuplicatedAndOutOfOrderOutboxRowsLeaveOneDocumentWithTheLatestState()
    {
        var word = SearchProbe.UniqueWord();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile($"Alphaversion {word} machining."));
        await sme.PublishProfileAsync();
        using var anyone = app.CreateClient();
        Assert.Single(await app.IndexedSupplierIdsAsync(anyone, $"q={word}"));
        var profileId = await app.ProfileIdAsync(sme.Me.OrgId);

        // Withdrawn, then back with new text: changed behind the override (no rows of its own),
        // then announced by rows that are duplicated, name the profile and its organisation in
        // turn, and carry timestamps in the wrong order.
        await ChangeWithOddRowsAsync(sme.Me.OrgId, profileId, PublicationStatus.Draft, $"Betaversion {word} machining.");
        await app.WaitForIndexAsync();
        Assert.Empty(await SearchProbe.SupplierIdsAsync(anyone, $"q={word}"));

        await ChangeWithOddRowsAsync(sme.Me.OrgId, profileId, PublicationStatus.Published, $"Gammaversion {word} machining.");
        await app.WaitForIndexAsync();
        Assert.Equal([sme.Me.OrgId], await SearchProbe.SupplierIdsAsync(anyone, $"q={word}"));
        Assert.Equal([sme.Me.OrgId], await SearchProbe.SupplierIdsAsync(anyone, $"q=gammaversion+{word}"));
        Assert.Empty(await SearchProbe.SupplierIdsAsync(anyone, $"q=alphaversion+{word}"));
        Assert.Empty(await SearchProbe.SupplierIdsAsync(anyone, $"q=betaversion+{word}"));
    }

    [DatabaseFact]
    public async Task RenamingAnOrganisationReachesItsSupplierAndListingDocuments()
    {
        var word = SearchProbe.UniqueWord();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        await sme.PublishProfileAsync();
        var listing = await sme.CreateIpListingAsync();
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/ip-listings/{listing}/publish"), HttpStatusCode.OK);

        var renamed = Accounts.NewRegistration(OrganizationKind.Sme).Organization with { Name = $"Renamed {word} GmbH" };
        await Expect.StatusAsync(await sme.Client.PutJsonAsync($"/api/organizations/{sme.Me.OrgId}", renamed), HttpStatusCode.OK);

        using var anyone = app.CreateClient();
        Assert.Contains(sme.Me.OrgId, await app.IndexedSupplierIdsAsync(anyone, $"q={word}"));
        Assert.Contains(listing, SearchProbe.Ids(await Expect.JsonAsync(await anyone.GetAsync($"/api/search/ip?q={word}"), HttpStatusCode.OK)));
    }

    private Task ChangeWithOddRowsAsync(int organizationId, int profileId, PublicationStatus status, string summary) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        await db.Profiles.Where(p => p.Id == profileId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status).SetProperty(p => p.Summary, summary).SetProperty(p => p.UpdatedAt, now));
        db.IndexOutbox.AddRange(
            Row(OutboxSubject.Profile, profileId, now.AddMinutes(-5)),
            Row(OutboxSubject.Organization, organizationId, now),
            Row(OutboxSubject.Organization, organizationId, now.AddHours(-1)),
            Row(OutboxSubject.Profile, profileId, now.AddDays(-1)),
            Row(OutboxSubject.Organization, organizationId, now.AddMinutes(-5)));
        await db.SaveChangesAsync();
    });

    private static IndexOutboxEntry Row(OutboxSubject subject, int id, DateTimeOffset at) => new() { Subject = subject, SubjectId = id, CreatedAt = at };

    [DatabaseFact]
    public async Task ARebuildGivesTheSameResultsAndSearchKeepsServingMeanwhile()
    {
        var word = SearchProbe.UniqueWord();
        foreach (var country in new[] { "DE", "PL", "JP" })
        {
            var sme = await app.SignUpAsync(OrganizationKind.Sme, country);
            await sme.SaveProfileAsync(Samples.Profile($"Die casting, {word} alloys."));
            await sme.PublishProfileAsync();
        }
        await app.WaitForIndexAsync();
        using var anyone = app.CreateClient();
        var query = $"q={word}&facets=country";
        var before = await Expect.JsonAsync(await anyone.GetAsync($"/api/search/suppliers?{query}"), HttpStatusCode.OK);
        Assert.Equal(3, SearchProbe.Ids(before).Count);

        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        await Expect.StatusAsync(await admin.Client.PostAsync("/api/admin/search/rebuild"), HttpStatusCode.Accepted);
        await SearchProbe.EventuallyAsync(async () =>
        {
            // Every poll also searches: results stay the same before, during and after the swap.
            var during = await Expect.JsonAsync(await anyone.GetAsync($"/api/search/suppliers?{query}"), HttpStatusCode.OK);
            Assert.Equal(SearchProbe.Ids(before), SearchProbe.Ids(during));
            var status = await Expect.JsonAsync(await admin.Client.GetAsync("/api/admin/search/status"), HttpStatusCode.OK);
            var state = status.GetProperty("rebuild").GetProperty("state").GetString();
            Assert.NotEqual("Failed", state);
            return state == "Completed";
        }, "the rebuild completes");

        var after = await Expect.JsonAsync(await anyone.GetAsync($"/api/search/suppliers?{query}"), HttpStatusCode.OK);
        Assert.Equal(SearchProbe.Ids(before), SearchProbe.Ids(after));

        // A small rebuild can finish between two polls, so search once more from inside one: the
        // progress callback runs while the new index is half written and the old one still serves.
        var duringRebuild = new List<List<int>>();
        var progress = new InlineProgress(status =>
        {
            if (status.State != RebuildState.Running || status.Done == 0) return;
            var response = anyone.GetAsync($"/api/search/suppliers?{query}").GetAwaiter().GetResult();
            duringRebuild.Add(SearchProbe.Ids(Expect.JsonAsync(response, HttpStatusCode.OK).GetAwaiter().GetResult()));
        });
        // On the thread pool, so the blocking search in the callback never holds the test's context.
        var rebuild = app.Services.GetRequiredService<SearchRebuild>();
        await Task.Run(() => rebuild.RunAsync(progress, CancellationToken.None));
        Assert.NotEmpty(duringRebuild);
        Assert.All(duringRebuild, ids => Assert.Equal(SearchProbe.Ids(before), ids));
        Assert.Equal(before.GetProperty("facets").GetRawText(), after.GetProperty("facets").GetRawText());
        Assert.Equal(before.GetProperty("total").GetInt64(), after.GetProperty("total").GetInt64());
    }
}

public sealed class SearchSyncTestsOnSqlite(SqliteApp app) : SearchSyncTests(app), IClassFixture<SqliteApp>;

public sealed class SearchSyncTestsOnPostgres(PostgresApp app) : SearchSyncTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
