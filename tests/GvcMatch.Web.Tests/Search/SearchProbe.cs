using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GvcMatch.Search;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Search;

/// <summary>
/// Looks at the search index from outside, the way a client does. The indexer is a background
/// loop; a test waits for it to drain (<see cref="WaitForIndexAsync"/>) and then asserts, and
/// polls (<see cref="EventuallyAsync"/>) only for work that has no drain signal (a rebuild).
/// </summary>
public static class SearchProbe
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A word no other test uses, so a search for it only sees this test's data. Twelve letters drawn
    /// from the whole alphabet, with no common prefix: words that shared one ("zq…") embedded near each
    /// other, and about 4 pairs in 100 passed the similarity at which a capability counts as met, so a
    /// test with two such words sometimes saw one supplier offer the other's work. (Letters mapped from
    /// a GUID's hex digits use only 16 letters and still reach 0.81 now and then; drawn from all 26,
    /// 1,500 pairs stayed below 0.72.)
    /// </summary>
    public static string UniqueWord() => new(Random.Shared.GetItems(Letters, 12));

    private static readonly char[] Letters = "abcdefghijklmnopqrstuvwxyz".ToCharArray();

    public static async Task<List<int>> SupplierIdsAsync(HttpClient client, string query)
    {
        var body = await Expect.JsonAsync(await client.GetAsync($"/api/search/suppliers?{query}"), HttpStatusCode.OK);
        return Ids(body);
    }

    public static List<int> Ids(JsonElement searchResponse) =>
        searchResponse.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetInt32()).ToList();

    /// <summary>Polls <paramref name="check"/> until it holds; fails with <paramref name="what"/> after the deadline.</summary>
    public static async Task<TimeSpan> EventuallyAsync(Func<Task<bool>> check, string what, TimeSpan? deadline = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = deadline ?? Deadline;
        while (!await check())
        {
            if (clock.Elapsed > limit) Assert.Fail($"Not within {limit.TotalSeconds:0.#} s: {what}");
            await Task.Delay(25);
        }
        return clock.Elapsed;
    }

    /// <summary>
    /// Waits until the index has applied every outbox row written so far: the indexer is woken and
    /// says when its checkpoint has passed the latest row (<see cref="SearchIndexer.DrainAsync"/>),
    /// so nothing polls or sleeps. The deadline only turns a stuck indexer into a failure.
    /// </summary>
    public static async Task WaitForIndexAsync(this GvcMatchApp app, TimeSpan? deadline = null)
    {
        var latest = await app.WithDbAsync(db => db.IndexOutbox.MaxAsync(e => (long?)e.Id)) ?? 0;
        var limit = deadline ?? Deadline;
        try { await app.Indexer().DrainAsync(latest).WaitAsync(limit); }
        catch (TimeoutException) { Assert.Fail($"Not within {limit.TotalSeconds:0.#} s: the index reaches outbox row {latest}"); }
    }

    /// <summary>The supplier ids a search finds once everything written so far is indexed.</summary>
    public static async Task<List<int>> IndexedSupplierIdsAsync(this GvcMatchApp app, HttpClient client, string query)
    {
        await app.WaitForIndexAsync();
        return await SupplierIdsAsync(client, query);
    }

    /// <summary>The id of an SME's profile row (outbox rows about certificates name the profile).</summary>
    public static Task<int> ProfileIdAsync(this GvcMatchApp app, int organizationId) =>
        app.WithDbAsync(db => db.Profiles.Where(p => p.OrganizationId == organizationId).Select(p => p.Id).SingleAsync());

    public static async Task PublishProfileAsync(this Member sme) =>
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/organizations/{sme.Me.OrgId}/profile/publish"), HttpStatusCode.OK);

    public static async Task UnpublishProfileAsync(this Member sme) =>
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/organizations/{sme.Me.OrgId}/profile/unpublish"), HttpStatusCode.OK);

    /// <summary>The indexer as the app runs it (a singleton that is also the hosted service).</summary>
    public static SearchIndexer Indexer(this GvcMatchApp app) => app.Services.GetRequiredService<SearchIndexer>();

    public static ISearchIndex GetSearchIndex(this IServiceProvider services) => services.GetRequiredService<ISearchIndex>();
}
