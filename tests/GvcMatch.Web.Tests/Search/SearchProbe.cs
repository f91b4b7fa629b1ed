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
/// Looks at the search index from outside, the way a client does, and waits for it with a
/// deadline instead of fixed sleeps: the indexer is a background loop, so a test polls until the
/// expected state shows or the deadline passes.
/// </summary>
public static class SearchProbe
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>A word no other test uses, so a search for it only sees this test's data.</summary>
    public static string UniqueWord() => "zq" + new string(Guid.NewGuid().ToString("N").Select(c => (char)('a' + c % 26)).Take(10).ToArray());

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

    /// <summary>Waits until the index has applied every outbox row written so far.</summary>
    public static async Task WaitForIndexAsync(this GvcMatchApp app, TimeSpan? deadline = null)
    {
        var index = app.Services.GetRequiredService<ISearchIndex>();
        var latest = await app.WithDbAsync(db => db.IndexOutbox.MaxAsync(e => (long?)e.Id)) ?? 0;
        await EventuallyAsync(async () => await index.GetCheckpointAsync() >= latest, $"the index reaches outbox row {latest}", deadline);
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
