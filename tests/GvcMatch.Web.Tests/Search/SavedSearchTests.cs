using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.SavedSearches;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GvcMatch.Web.Tests.Search;

/// <summary>
/// A saved search leaves one notification per batch of new hits, never a duplicate, and refuses a
/// query it could not run. The app runs on a clock that stands still, so a test decides which
/// second each check and each change falls in instead of waiting for seconds to pass.
/// </summary>
public abstract class SavedSearchTests(GvcMatchApp app)
{
    private FakeTimeProvider Clock => app.FakeClock!;

    [DatabaseFact]
    public async Task ANewMatchingProfileIsReportedOnceAndAnUnrelatedOneNotAtAll()
    {
        var word = SearchProbe.UniqueWord();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync("/api/saved-searches",
            new { name = "Coaters", kind = "Supplier", query = $"q={word}&country=DE" }), HttpStatusCode.Created);
        var notifier = app.Services.GetRequiredService<SavedSearchNotifier>();
        await notifier.CheckAllAsync(CancellationToken.None);
        Assert.Empty(await InboxAsync(buyer));

        var sme = await app.SignUpAsync(OrganizationKind.Sme, "DE");
        await sme.SaveProfileAsync(Samples.Profile($"Powder coating, {word} finish."));
        await sme.PublishProfileAsync();
        using var anyone = app.CreateClient();
        Assert.Single(await app.IndexedSupplierIdsAsync(anyone, $"q={word}"));
        // The check leaves the current second for later (a change may still come in it): move past it.
        await notifier.CheckAllAsync(CancellationToken.None);
        Assert.Empty(await InboxAsync(buyer));
        Clock.Advance(TimeSpan.FromSeconds(1));

        await notifier.CheckAllAsync(CancellationToken.None);
        var inbox = await InboxAsync(buyer);
        var note = Assert.Single(inbox);
        Assert.Equal("saved-search", note.GetProperty("kind").GetString());
        Assert.Equal("1 new supplier matches “Coaters”", note.GetProperty("title").GetString());
        Assert.Contains(sme.Me.OrganizationName!, note.GetProperty("body").GetString());

        await notifier.CheckAllAsync(CancellationToken.None);
        Assert.Single(await InboxAsync(buyer));

        // A change the saved search does not match (another country) tells the buyer nothing.
        var elsewhere = await app.SignUpAsync(OrganizationKind.Sme, "PL");
        await elsewhere.SaveProfileAsync(Samples.Profile($"Powder coating, {word} finish."));
        await elsewhere.PublishProfileAsync();
        Assert.Equal(2, (await app.IndexedSupplierIdsAsync(anyone, $"q={word}")).Count);
        await notifier.CheckAllAsync(CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(1.1));
        await notifier.CheckAllAsync(CancellationToken.None);
        Assert.Single(await InboxAsync(buyer));
    }

    /// <summary>
    /// Saved searches remember how far they have been checked by the clock, while documents carry
    /// their update time in whole seconds: a change in the same second as a check must still be
    /// reported by a later check. The clock stands still, so the check and the change fall in one
    /// second for certain.
    /// </summary>
    [DatabaseFact]
    public async Task AChangeInTheSameSecondAsACheckIsReportedByTheNextCheck()
    {
        var notifier = app.Services.GetRequiredService<SavedSearchNotifier>();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var word = SearchProbe.UniqueWord();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile($"Grinding, {word} tolerances."));
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync("/api/saved-searches",
            new { name = "Grinders", kind = "Supplier", query = $"q={word}" }), HttpStatusCode.Created);
        // A tenth of a second into a later second: the check and the change 0.2 s later share it.
        var now = Clock.GetUtcNow();
        Clock.SetUtcNow(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(1.1));

        await notifier.CheckAllAsync(CancellationToken.None);
        Clock.Advance(TimeSpan.FromMilliseconds(200));
        await sme.PublishProfileAsync();
        await app.WaitForIndexAsync();
        Assert.DoesNotContain(await InboxAsync(buyer), n => n.GetProperty("title").GetString()!.Contains("Grinders"));

        Clock.Advance(TimeSpan.FromSeconds(1));
        await notifier.CheckAllAsync(CancellationToken.None);
        Assert.Contains(await InboxAsync(buyer), n => n.GetProperty("title").GetString()!.Contains("Grinders"));
    }

    [DatabaseTheory]
    [InlineData("pageSize=1000", "query.pageSize")]
    [InlineData("colour=red", "query.colour")]
    [InlineData("q=%22open", "query.q")]
    [InlineData("min.monthlyCapacity=lots", "query.min.monthlyCapacity")]
    public async Task AQuerySearchWouldRefuseCannotBeSaved(string query, string field)
    {
        var member = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.ValidationErrorAsync(await member.Client.PostJsonAsync("/api/saved-searches", new { name = "Bad", kind = "Supplier", query }), field);
        var saved = await Expect.JsonAsync(await member.Client.GetAsync("/api/saved-searches"), HttpStatusCode.OK);
        Assert.Equal(0, saved.GetArrayLength());
    }

    private static async Task<List<JsonElement>> InboxAsync(Member member)
    {
        var page = await Expect.JsonAsync(await member.Client.GetAsync("/api/notifications"), HttpStatusCode.OK);
        return page.GetProperty("items").GetProperty("items").EnumerateArray().ToList();
    }
}

public sealed class SavedSearchTestsOnSqlite(SqliteAppOnFakeClock app) : SavedSearchTests(app), IClassFixture<SqliteAppOnFakeClock>;

public sealed class SavedSearchTestsOnPostgres(PostgresAppOnFakeClock app) : SavedSearchTests(app), IClassFixture<PostgresAppOnFakeClock>, IUsesPostgres;
