using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Search;

/// <summary>
/// A save that writes outbox rows wakes its own app's indexer and no other, and stamps the rows with
/// the app's clock. Test hosts run side by side in one process, as two apps would in one CLI run;
/// a static event used to wake every indexer in the process on every write.
/// </summary>
public sealed class OutboxSignalTests
{
    [Fact]
    public async Task A_write_wakes_only_its_own_apps_indexer_and_is_stamped_by_its_clock()
    {
        // The fallback poll is an hour away, so only a signal can wake either indexer during the test.
        var slowPoll = new Dictionary<string, string> { ["Search:PollInterval"] = "01:00:00" };
        await using var scratchA = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scratchB = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var a = new GvcMatchApp(scratchA.Database, slowPoll) { FakeClock = GvcMatchApp.NewFakeClock() };
        await using var b = new GvcMatchApp(scratchB.Database, slowPoll);
        var sme = await a.SignUpAsync(OrganizationKind.Sme);
        _ = b.Services;
        var aWoken = a.Indexer().Nudges;
        var bWoken = b.Indexer().Nudges;

        a.FakeClock!.Advance(TimeSpan.FromDays(3));
        await sme.SaveProfileAsync(Samples.Profile("Anodising of aluminium profiles."));

        Assert.True(a.Indexer().Nudges > aWoken, "The write did not wake its own app's indexer.");
        Assert.Equal(bWoken, b.Indexer().Nudges);
        var latest = await a.WithDbAsync(db => db.IndexOutbox.OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(a.FakeClock.GetUtcNow(), latest.CreatedAt);
        // And the pass the signal started indexes the row, with no poll and no drain.
        await a.Indexer().CaughtUpAsync(latest.Id).WaitAsync(SearchProbe.Deadline);
    }
}
