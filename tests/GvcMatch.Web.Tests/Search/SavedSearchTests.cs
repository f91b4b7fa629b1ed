using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.SavedSearches;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Search;

/// <summary>A saved search leaves one notification per batch of new hits, never a duplicate, and refuses a query it could not run.</summary>
public abstract class SavedSearchTests(GvcMatchApp app)
{
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
        await SearchProbe.EventuallyAsync(async () => (await SearchProbe.SupplierIdsAsync(anyone, $"q={word}")).Count == 1, "the profile is indexed");

        await SearchProbe.EventuallyAsync(async () =>
        {
            await notifier.CheckAllAsync(CancellationToken.None);
            return (await InboxAsync(buyer)).Count > 0;
        }, "the saved search reports the new supplier");
        var inbox = await InboxAsync(buyer);
        var note = Assert.Single(inbox);
        Assert.Equal("saved-search", note.GetProperty("kind").GetString());
        Assert.Equal("1 new supplier match “Coaters”", note.GetProperty("title").GetString());
        Assert.Contains(sme.Me.OrganizationName!, note.GetProperty("body").GetString());

        await notifier.CheckAllAsync(CancellationToken.None);
        Assert.Single(await InboxAsync(buyer));

        // A change the saved search does not match (another country) tells the buyer nothing.
        var elsewhere = await app.SignUpAsync(OrganizationKind.Sme, "PL");
        await elsewhere.SaveProfileAsync(Samples.Profile($"Powder coating, {word} finish."));
        await elsewhere.PublishProfileAsync();
        await SearchProbe.EventuallyAsync(async () => (await SearchProbe.SupplierIdsAsync(anyone, $"q={word}")).Count == 2, "the second profile is indexed");
        await notifier.CheckAllAsync(CancellationToken.None);
        await Task.Delay(1100);
        await notifier.CheckAllAsync(CancellationToken.None);
        Assert.Single(await InboxAsync(buyer));
    }

    /// <summary>
    /// Saved searches remember how far they have been checked by the clock, while documents carry
    /// their update time in whole seconds: a change in the same second as a check must still be
    /// reported by a later check. The test starts just after a second begins, so the check and the
    /// change fall in one second unless the machine stalls (then it tries the next second).
    /// </summary>
    [DatabaseFact]
    public async Task AChangeInTheSameSecondAsACheckIsReportedByTheNextCheck()
    {
        var notifier = app.Services.GetRequiredService<SavedSearchNotifier>();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        for (var attempt = 1; ; attempt++)
        {
            var word = SearchProbe.UniqueWord();
            var sme = await app.SignUpAsync(OrganizationKind.Sme);
            await sme.SaveProfileAsync(Samples.Profile($"Grinding, {word} tolerances."));
            await Expect.StatusAsync(await buyer.Client.PostJsonAsync("/api/saved-searches",
                new { name = $"Grinders {attempt}", kind = "Supplier", query = $"q={word}" }), HttpStatusCode.Created);
            await Task.Delay(1000 - DateTimeOffset.UtcNow.Millisecond + 20);

            var checkedAt = DateTimeOffset.UtcNow;
            await notifier.CheckAllAsync(CancellationToken.None);
            await sme.PublishProfileAsync();
            var publishedAt = DateTimeOffset.UtcNow;
            if (checkedAt.ToUnixTimeSeconds() != publishedAt.ToUnixTimeSeconds())
            {
                Assert.True(attempt < 3, "Could not fit a check and a change into one second.");
                continue;
            }

            await app.WaitForIndexAsync();
            await SearchProbe.EventuallyAsync(async () =>
            {
                await notifier.CheckAllAsync(CancellationToken.None);
                return (await InboxAsync(buyer)).Any(n => n.GetProperty("title").GetString()!.Contains($"Grinders {attempt}"));
            }, "the change made in the same second as a check is reported", TimeSpan.FromSeconds(4));
            return;
        }
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

public sealed class SavedSearchTestsOnSqlite(SqliteApp app) : SavedSearchTests(app), IClassFixture<SqliteApp>;

public sealed class SavedSearchTestsOnPostgres(PostgresApp app) : SavedSearchTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
