using System.Threading.Channels;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Notifications;

/// <summary>
/// Requirements just published, waiting to be matched. Publishing only drops the id here, so the
/// request stays fast; <see cref="RequirementAlertWorker"/> runs the matcher in the background.
/// </summary>
public sealed class RequirementAlertQueue
{
    private readonly Channel<int> _channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Call after the publication is committed.</summary>
    public void Enqueue(int requirementId) => _channel.Writer.TryWrite(requirementId);

    internal ChannelReader<int> Reader => _channel.Reader;
}

/// <summary>
/// Tells the members of the best qualified SMEs (every mandatory criterion met, top
/// <see cref="TopSuppliers"/> by score) that a new requirement matches them. Each requirement
/// version notifies each SME at most once: the <see cref="RequirementAlert"/> rows and the
/// notifications are written in one transaction.
/// </summary>
public sealed class RequirementAlertWorker(
    RequirementAlertQueue queue, IServiceScopeFactory scopes, MatchingService matching, TimeProvider clock, ILogger<RequirementAlertWorker> logger)
    : BackgroundService
{
    public const int TopSuppliers = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try { await AlertAsync(id, stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Notifying suppliers of requirement {Id} failed", id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Matches one published requirement and notifies the SMEs not yet told about its current version; returns how many SMEs were notified.</summary>
    public async Task<int> AlertAsync(int requirementId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var requirement = await db.Requirements.AsNoTracking().Include(r => r.Organization).FirstOrDefaultAsync(r => r.Id == requirementId, ct);
        if (requirement is not { Status: RequirementStatus.Published }) return 0;

        var matches = await matching.MatchSuppliersAsync(requirement, TopSuppliers, diversify: false, ct);
        var qualified = matches.Matches.Where(m => m.Qualified && m.OrganizationId != requirement.OrganizationId).ToList();
        var told = await db.Set<RequirementAlert>()
            .Where(a => a.RequirementId == requirement.Id && a.Version == requirement.Version)
            .Select(a => a.OrganizationId).ToListAsync(ct);
        var fresh = qualified.Where(m => !told.Contains(m.OrganizationId)).ToList();
        if (fresh.Count == 0) return 0;

        var orgIds = fresh.Select(m => m.OrganizationId).ToList();
        var members = await db.Users.AsNoTracking().Where(u => u.OrganizationId != null && orgIds.Contains(u.OrganizationId.Value))
            .Select(u => new { u.Id, OrganizationId = u.OrganizationId!.Value }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var title = $"New requirement that matches you: {requirement.Title}";
        var link = $"/Requirements/{requirement.Id}";

        var staged = new List<StagedNotifications>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var match in fresh)
            {
                db.Add(new RequirementAlert { RequirementId = requirement.Id, Version = requirement.Version, OrganizationId = match.OrganizationId, NotifiedAt = now });
                var body = $"{requirement.Organization.Name} published a requirement; {match.Name} meets every mandatory criterion and scores {match.Total:0} of 100."
                    + (requirement.ResponseDeadline is { } deadline ? $" Responses by {deadline:yyyy-MM-dd}." : "");
                var userIds = members.Where(m => m.OrganizationId == match.OrganizationId).Select(m => m.Id).ToList();
                staged.Add(await notifier.StageAsync(db, userIds, NotificationKinds.MatchingRequirement, title, body, link, ct));
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex)
            {
                // Another run recorded some of these SMEs for this version first; it notified them.
                logger.LogInformation(ex, "Requirement {Id} version {Version} was already being notified", requirement.Id, requirement.Version);
                return 0;
            }
            await tx.CommitAsync(ct);
        }
        foreach (var batch in staged) await notifier.PushAsync(batch);
        logger.LogInformation("Requirement {Id} version {Version}: notified {Count} matching suppliers", requirement.Id, requirement.Version, fresh.Count);
        return fresh.Count;
    }
}
