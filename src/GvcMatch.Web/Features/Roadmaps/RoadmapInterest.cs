using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Roadmaps;

/// <summary>Following and expressions of interest. The API and the item page both call these, so both apply the same rules.</summary>
public sealed class RoadmapInterest(AppDbContext db, RoadmapMessages messages, TimeProvider clock)
{
    public async Task<Outcome<FollowingDto>> FollowItemAsync(Actor? actor, int id, bool follow, CancellationToken ct)
    {
        if (SmeOnly(actor) is { } refused) return refused;
        var org = actor!.OrganizationId!.Value;
        var item = await RoadmapAccess.FindVisibleAsync(db, actor, id, ct);
        if (item is null || item.Status == RoadmapStatus.Draft) return Refusal.NotFound("The road-map item");
        var row = await db.Set<RoadmapItemFollow>().FirstOrDefaultAsync(f => f.ItemId == id && f.OrganizationId == org, ct);
        if (follow && row is null) db.Add(new RoadmapItemFollow { ItemId = id, OrganizationId = org, FollowedAt = clock.GetUtcNow() });
        if (!follow && row is not null) db.Remove(row);
        await db.SaveChangesAsync(ct);
        return await FollowingAsync(org, ct);
    }

    public async Task<Outcome<FollowingDto>> FollowBuyerAsync(Actor? actor, int buyer, bool follow, CancellationToken ct)
    {
        if (SmeOnly(actor) is { } refused) return refused;
        var org = actor!.OrganizationId!.Value;
        if (!await db.Organizations.AnyAsync(o => o.Id == buyer && o.Kind == OrganizationKind.Mne, ct)) return Refusal.NotFound("The buyer");
        var row = await db.Set<RoadmapBuyerFollow>().FirstOrDefaultAsync(f => f.BuyerId == buyer && f.OrganizationId == org, ct);
        if (follow && row is null) db.Add(new RoadmapBuyerFollow { BuyerId = buyer, OrganizationId = org, FollowedAt = clock.GetUtcNow() });
        if (!follow && row is not null) db.Remove(row);
        await db.SaveChangesAsync(ct);
        return await FollowingAsync(org, ct);
    }

    public async Task<FollowingDto> FollowingAsync(int org, CancellationToken ct) => new(
        await db.Set<RoadmapItemFollow>().Where(f => f.OrganizationId == org).Select(f => f.ItemId).OrderBy(i => i).ToListAsync(ct),
        await db.Set<RoadmapBuyerFollow>().Where(f => f.OrganizationId == org).Select(f => f.BuyerId).OrderBy(i => i).ToListAsync(ct));

    /// <summary>Creates or replaces the SME's expression of interest in a published item, and tells the buyer.</summary>
    public async Task<Outcome<InterestDto>> ExpressAsync(Actor? actor, int id, InterestInput input, CancellationToken ct)
    {
        if (SmeOnly(actor) is { } refused) return refused;
        var org = actor!.OrganizationId!.Value;
        var item = await RoadmapAccess.FindVisibleAsync(db, actor, id, ct);
        if (item is null || item.Status == RoadmapStatus.Draft) return Refusal.NotFound("The road-map item");
        if (item.Status != RoadmapStatus.Published) return Refusal.Conflict("The item no longer takes expressions of interest.");
        var errors = new Errors();
        input.Validate(errors);
        if (errors.Any) return Refusal.Invalid(errors);
        var now = clock.GetUtcNow();
        var row = await db.Set<ExpressionOfInterest>().Include(e => e.Organization).FirstOrDefaultAsync(e => e.ItemId == id && e.OrganizationId == org, ct);
        var first = row is null;
        if (row is null)
        {
            row = new ExpressionOfInterest { ItemId = id, OrganizationId = org, CreatedAt = now };
            db.Add(row);
        }
        row.Note = input.Note!.Trim();
        row.Capabilities = (input.Capabilities ?? []).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        row.Capacity = string.IsNullOrWhiteSpace(input.Capacity) ? null : input.Capacity.Trim();
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        if (first)
        {
            await db.Entry(row).Reference(e => e.Organization).LoadAsync(ct);
            await messages.InterestAsync(item, row.Organization.Name, ct);
        }
        return InterestDto.From(row);
    }

    public async Task<Outcome<InterestDto>> MineAsync(Actor? actor, int id, CancellationToken ct)
    {
        if (SmeOnly(actor) is { } refused) return refused;
        var row = await db.Set<ExpressionOfInterest>().AsNoTracking().Include(e => e.Organization)
            .FirstOrDefaultAsync(e => e.ItemId == id && e.OrganizationId == actor!.OrganizationId, ct);
        return row is null ? Refusal.NotFound("Your expression of interest") : InterestDto.From(row);
    }

    /// <summary>Every expression of interest in the item: the buyer's members only.</summary>
    public async Task<Outcome<List<InterestDto>>> ForBuyerAsync(Actor? actor, int id, CancellationToken ct)
    {
        var own = await RoadmapAccess.FindOwnAsync(db, actor, id, ct);
        if (own.Refusal is { } refused) return refused;
        return await ListAsync(id, ct);
    }

    public async Task<List<InterestDto>> ListAsync(int id, CancellationToken ct) =>
        (await db.Set<ExpressionOfInterest>().AsNoTracking().Include(e => e.Organization).Where(e => e.ItemId == id)
            .OrderBy(e => e.Id).ToListAsync(ct)).Select(InterestDto.From).ToList();

    private static Refusal? SmeOnly(Actor? actor) =>
        actor is { IsSme: true, OrganizationId: not null } ? null : Refusal.Forbidden("Only SME suppliers follow road-maps and express interest.");
}
