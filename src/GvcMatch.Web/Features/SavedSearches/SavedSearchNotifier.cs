using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.SavedSearches;

public sealed class SavedSearchOptions
{
    public const string Section = "SavedSearches";

    /// <summary>How often saved searches are re-run for new hits.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Re-runs every saved search for items updated since it was last checked and leaves a
/// notification in the owner's inbox when there are any. Each search's watermark is moved with a
/// compare-and-set in the same transaction as the notification, so two app instances never report
/// the same hits twice.
/// </summary>
public sealed class SavedSearchNotifier(IServiceScopeFactory scopes, ISearchIndex index, IOptions<SavedSearchOptions> options, TimeProvider clock, ILogger<SavedSearchNotifier> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Value.CheckInterval, clock, CheckAllAsync, logger, "Checking saved searches", stoppingToken);

    public async Task<int> CheckAllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var searches = await db.Set<SavedSearch>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        var notified = 0;
        foreach (var saved in searches)
        {
            if (await CheckAsync(db, notifier, saved, ct)) notified++;
        }
        return notified;
    }

    private async Task<bool> CheckAsync(AppDbContext db, Notifier notifier, SavedSearch saved, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        SearchQuery query;
        try { query = SavedSearchesApi.Parse(saved.Kind, saved.Query); }
        catch (SearchQueryException) { return false; }

        // Documents carry their update time in whole seconds, so the window is whole seconds too:
        // from the watermark's second up to the last second that has fully passed. The current
        // second is left for the next check; otherwise a change later in this same second would
        // fall behind the watermark and never be reported.
        var from = saved.CheckedUpTo.ToUnixTimeSeconds();
        var upTo = now.ToUnixTimeSeconds();
        if (upTo <= from) return false;
        var result = await index.SearchAsync(query with
        {
            Ranges = [.. query.Ranges, new RangeFilter("updated", from, upTo - 1)],
            Facets = [], Skip = 0, Take = 3, Highlight = false,
        }, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var watermark = DateTimeOffset.FromUnixTimeSeconds(upTo);
        var moved = await db.Set<SavedSearch>().Where(s => s.Id == saved.Id && s.CheckedUpTo == saved.CheckedUpTo)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CheckedUpTo, watermark), ct);
        if (moved == 0 || result.Total == 0)
        {
            await tx.CommitAsync(ct);
            return false;
        }
        // One template per kind and number, so each language can inflect the noun and the verb.
        var (one, other) = saved.Kind switch
        {
            DocumentKind.Supplier => ("1 new supplier matches “{1}”", "{0} new suppliers match “{1}”"),
            DocumentKind.IpListing => ("1 new IP listing matches “{1}”", "{0} new IP listings match “{1}”"),
            _ => ("1 new requirement matches “{1}”", "{0} new requirements match “{1}”"),
        };
        // The notification (and its email) commit with the watermark, then go out to open connections.
        var staged = await notifier.StageAsync(db, [saved.UserId], NotificationKinds.SavedSearch,
            Plurals.English(result.Total, one, other, saved.Name),
            string.Join("; ", result.Hits.Select(h => h.Title)),
            saved.Kind switch
            {
                DocumentKind.Supplier => $"/Search/Suppliers?{saved.Query}",
                DocumentKind.IpListing => $"/Search/Ip?{saved.Query}",
                _ => $"/Search/Requirements?{saved.Query}",
            }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notifier.PushAsync(staged);
        return true;
    }
}
