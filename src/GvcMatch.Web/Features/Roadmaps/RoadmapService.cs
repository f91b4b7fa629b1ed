using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Roadmaps;

/// <summary>The buyer's side of an item: draft, publish (telling the buyer's followers), change as versions, withdraw.</summary>
public sealed class RoadmapService(AppDbContext db, ReferenceData.ReferenceData reference, RoadmapMessages messages, TimeProvider clock)
{
    public Errors Validate(RoadmapInput input)
    {
        var errors = new Errors();
        input.Validate(errors, reference, clock.Today());
        return errors;
    }

    public async Task<Outcome<RoadmapItem>> CreateAsync(Actor? actor, RoadmapInput input, CancellationToken ct)
    {
        if (actor is not { IsMne: true, OrganizationId: { } buyer }) return Refusal.Forbidden("Only MNE buyers publish road-maps.");
        var errors = Validate(input);
        if (errors.Any) return Refusal.Invalid(errors);
        var now = clock.GetUtcNow();
        var item = new RoadmapItem { Title = "", OrganizationId = buyer, CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(item);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        await db.Entry(item).Reference(i => i.Organization).LoadAsync(ct);
        return item;
    }

    /// <summary>A draft changes freely; a published item gets a new version with the note followers read.</summary>
    public async Task<Outcome<RoadmapItem>> UpdateAsync(RoadmapItem item, RoadmapInput input, CancellationToken ct)
    {
        if (item.Status is RoadmapStatus.Withdrawn or RoadmapStatus.Converted)
            return Refusal.Conflict($"A {item.Status.ToString().ToLowerInvariant()} road-map item cannot be changed.");
        var errors = Validate(input);
        if (item.Status == RoadmapStatus.Published && string.IsNullOrWhiteSpace(input.ChangeNote))
            errors.Add("changeNote", "Say what changed; followers see this note.");
        if (errors.Any) return Refusal.Invalid(errors);
        input.ApplyTo(item);
        item.UpdatedAt = clock.GetUtcNow();
        if (item.Status == RoadmapStatus.Published)
        {
            item.Version++;
            item.Versions.Add(Snapshot(item, input.ChangeNote));
        }
        item.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Publishes a draft and tells the SMEs that follow the buyer and may see the item.</summary>
    public async Task<Outcome<RoadmapItem>> PublishAsync(RoadmapItem item, CancellationToken ct)
    {
        if (item.Status != RoadmapStatus.Draft) return Refusal.Conflict("Only a draft can be published.");
        var now = clock.GetUtcNow();
        item.Status = RoadmapStatus.Published;
        item.PublishedAt = item.UpdatedAt = now;
        item.Version = 1;
        item.Versions.Add(Snapshot(item, null));
        item.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);

        var followers = await db.Set<RoadmapBuyerFollow>().AsNoTracking().Where(f => f.BuyerId == item.OrganizationId)
            .Select(f => f.OrganizationId).ToListAsync(ct);
        if (item.Visibility == RoadmapVisibility.Network)
        {
            var network = await SupplierNetwork.MembersAsync(db, item.OrganizationId, ct);
            followers = followers.Where(network.Contains).ToList();
        }
        await messages.NewItemAsync(item, item.Organization.Name, followers, ct);
        return item;
    }

    /// <summary>Withdrawn items stay readable (followers keep the history) but take no more interest.</summary>
    public async Task<Outcome<RoadmapItem>> WithdrawAsync(RoadmapItem item, CancellationToken ct)
    {
        if (item.Status != RoadmapStatus.Published) return Refusal.Conflict("Only a published road-map item can be withdrawn.");
        item.Status = RoadmapStatus.Withdrawn;
        item.WithdrawnAt = item.UpdatedAt = clock.GetUtcNow();
        item.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<Outcome<RoadmapItem>> DeleteAsync(RoadmapItem item, CancellationToken ct)
    {
        if (item.Status != RoadmapStatus.Draft) return Refusal.Conflict("Only drafts can be deleted; withdraw a published item instead.");
        db.Remove(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    private RoadmapItemVersion Snapshot(RoadmapItem i, string? note) => new()
    {
        Number = i.Version, PublishedAt = clock.GetUtcNow(), ChangeNote = note?.Trim(), Title = i.Title, Criteria = i.Criteria.ToList(),
    };
}
