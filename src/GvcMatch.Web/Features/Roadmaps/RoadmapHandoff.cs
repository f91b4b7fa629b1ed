using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Roadmaps;

/// <summary>
/// An item turned into a requirement: the criteria, codes and text copied into a new published
/// requirement, the link kept on the item. The SMEs that expressed interest are told at once; the
/// item's followers, and the usual alerts to the best-matching suppliers, only when the head start
/// (<see cref="RoadmapOptions.InterestedHeadStart"/>) has passed.
/// </summary>
public sealed class RoadmapHandoff(
    AppDbContext db, RequirementService requirements, RoadmapMessages messages, RequirementAlertQueue alerts, IOptions<RoadmapOptions> options,
    TimeProvider clock)
{
    public async Task<Outcome<Requirement>> ConvertAsync(Actor actor, RoadmapItem item, ConvertInput input, CancellationToken ct)
    {
        if (item.Status != RoadmapStatus.Published) return Refusal.Conflict("Only a published road-map item can become a requirement.");
        if (input.ResponseDeadline is null) return Refusal.Invalid("responseDeadline", "Give the date responses close.");
        var created = await requirements.CreateAsync(actor, new RequirementInput
        {
            Title = item.Title, Description = item.Description, IsicCodes = item.IsicCodes, HsCodes = item.HsCodes,
            Criteria = item.Criteria.ToList(), ResponseDeadline = input.ResponseDeadline, DeliveryCountry = input.DeliveryCountry,
        }, ct);
        if (created.Refusal is { } refused) return refused;
        var requirement = created.Value!;
        // The alerts to the best-matching suppliers wait for the end of the head start (ReleaseDueAsync).
        var published = await requirements.PublishWithoutAlertsAsync(actor, requirement.Id, IfMatch.Stamp(requirement.ConcurrencyStamp), ct);
        if (published.Refusal is { } notPublished) return notPublished;
        var now = clock.GetUtcNow();
        item.Status = RoadmapStatus.Converted;
        item.RequirementId = requirement.Id;
        item.ConvertedAt = item.UpdatedAt = now;
        item.FollowersDueAt = now + options.Value.InterestedHeadStart;
        item.ConcurrencyStamp = Guid.NewGuid();
        var interested = await db.Set<ExpressionOfInterest>().Where(e => e.ItemId == item.Id).ToListAsync(ct);
        interested.ForEach(e => e.ToldAt = now);
        await db.SaveChangesAsync(ct);

        await messages.RequirementAsync(item, item.Organization.Name, requirement.Title, interested.Select(e => e.OrganizationId).ToList(), interested: true, ct);
        if (options.Value.InterestedHeadStart <= TimeSpan.Zero) await ReleaseDueAsync(ct);
        return requirement;
    }

    /// <summary>Tells the followers of every converted item whose head start has ended; returns how many items were released.</summary>
    public async Task<int> ReleaseDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Compared in memory: the providers store DateTimeOffset differently.
        var pending = await db.Set<RoadmapItem>().Include(i => i.Organization)
            .Where(i => i.Status == RoadmapStatus.Converted && i.FollowersToldAt == null && i.FollowersDueAt != null).ToListAsync(ct);
        var released = 0;
        foreach (var item in pending.Where(i => i.FollowersDueAt <= now))
        {
            item.FollowersToldAt = now;
            item.ConcurrencyStamp = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance claimed this item first and tells its followers.
                db.Entry(item).State = EntityState.Detached;
                continue;
            }
            var interested = db.Set<ExpressionOfInterest>().Where(e => e.ItemId == item.Id).Select(e => e.OrganizationId);
            var followers = await db.Set<RoadmapItemFollow>().AsNoTracking().Where(f => f.ItemId == item.Id && !interested.Contains(f.OrganizationId))
                .Select(f => f.OrganizationId).ToListAsync(ct);
            var title = await db.Requirements.AsNoTracking().Where(r => r.Id == item.RequirementId).Select(r => r.Title).FirstOrDefaultAsync(ct) ?? item.Title;
            await messages.RequirementAsync(item, item.Organization.Name, title, followers, interested: false, ct);
            if (item.RequirementId is { } requirementId) alerts.Enqueue(requirementId);
            released++;
        }
        return released;
    }
}

/// <summary>Releases ended head starts on a timer; tests call <see cref="RoadmapHandoff.ReleaseDueAsync"/> through <see cref="RunOnceAsync"/> after moving the clock.</summary>
public sealed class RoadmapReleaseWorker(IServiceScopeFactory scopes, IOptions<RoadmapOptions> options, TimeProvider clock, ILogger<RoadmapReleaseWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Value.ReleaseCheckInterval, clock, async ct =>
        {
            var released = await RunOnceAsync(ct);
            if (released > 0) logger.LogInformation("Told the followers of {Count} road-map items turned into requirements", released);
        }, logger, "Releasing road-map head starts", stoppingToken);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoadmapHandoff>().ReleaseDueAsync(ct);
    }
}
