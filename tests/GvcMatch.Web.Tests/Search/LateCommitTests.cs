using GvcMatch.Search;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Search;

/// <summary>
/// An outbox row that becomes visible only after a higher one was applied (a slow concurrent
/// transaction) is still applied: the indexer looks back over recent rows below its checkpoint.
/// </summary>
public abstract class LateCommitTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task ARowCommittedBelowTheCheckpointIsStillApplied()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile("Late commit candidate."));
        await sme.PublishProfileAsync();
        await app.WaitForIndexAsync();
        var indexer = app.Services.GetRequiredService<SearchIndexer>();

        // Two transactions took ids 1,000,000 and 999,999; the higher one committed first and was
        // applied, so the checkpoint passed the lower id before its row was visible. (Explicit ids
        // far above the sequence keep the app's own rows out of the way.)
        const long early = 1_000_000, late = 999_999;
        await app.WithDbAsync(async db =>
        {
            db.IndexOutbox.Add(new IndexOutboxEntry { Id = early, Subject = OutboxSubject.Organization, SubjectId = sme.Me.OrgId, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        await indexer.PumpAsync(CancellationToken.None);
        var checkpoint = await app.Services.GetRequiredService<ISearchIndex>().GetCheckpointAsync();
        Assert.Equal(early, checkpoint);

        var word = SearchProbe.UniqueWord();
        await app.WithDbAsync(async db =>
        {
            await db.Organizations.Where(o => o.Id == sme.Me.OrgId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, $"Renamed {word} Works"));
            db.IndexOutbox.Add(new IndexOutboxEntry { Id = late, Subject = OutboxSubject.Organization, SubjectId = sme.Me.OrgId, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });

        await indexer.PumpAsync(CancellationToken.None);
        using var anyone = app.CreateClient();
        await SearchProbe.EventuallyAsync(async () => (await SearchProbe.SupplierIdsAsync(anyone, $"q={word}")).Contains(sme.Me.OrgId),
            "the late row's change is searchable");
        Assert.Equal(checkpoint, await app.Services.GetRequiredService<ISearchIndex>().GetCheckpointAsync());
    }
}

public sealed class LateCommitTestsOnSqlite(SqliteApp app) : LateCommitTests(app), IClassFixture<SqliteApp>;

public sealed class LateCommitTestsOnPostgres(PostgresApp app) : LateCommitTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
