using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.IpListings;

/// <summary>
/// Every change to an IP listing: create, edit, publish, unpublish and delete. The API and the
/// listing page both call these, so who may change a listing is decided in one place.
/// </summary>
public sealed class IpListingService(AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, ResourceAccess access)
{
    private const string What = "this IP listing";

    public async Task<Outcome<IpListing>> CreateAsync(Actor? actor, IpListingInput input, CancellationToken ct)
    {
        if (actor?.OrganizationId is not { } orgId) return Refusal.Forbidden("Join an SME to list intellectual property.");
        if (Access.ClaimedOrganization(actor, input.OrganizationId) is { } claim) return Refusal.Forbidden(claim);
        var org = await db.Organizations.FirstAsync(o => o.Id == orgId, ct);
        if (await access.CheckAsync(actor, org, AccessOperations.ManageIpListings) is { } denied) return denied;

        var errors = new Errors();
        input.Validate(errors, reference);
        if (errors.Any) return Refusal.Invalid(errors);

        var now = clock.GetUtcNow();
        var ip = new IpListing { Key = Slug.NewKey("ip", input.Title), Title = "", OrganizationId = orgId, Organization = org, CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(ip);
        db.IpListings.Add(ip);
        await db.SaveChangesAsync(ct);
        return ip;
    }

    public async Task<Outcome<IpListing>> UpdateAsync(Actor? actor, int id, IpListingInput input, IfMatch expected, CancellationToken ct)
    {
        var loaded = await FindForChangeAsync(actor, id, ct);
        if (loaded.Refusal is { } refused) return refused;
        var ip = loaded.Value!;
        if (Access.ClaimedOrganization(actor!, input.OrganizationId) is { } claim) return Refusal.Forbidden(claim);
        if (expected.Check(ip.ConcurrencyStamp, What) is { } stale) return stale;

        var errors = new Errors();
        input.Validate(errors, reference);
        if (errors.Any) return Refusal.Invalid(errors);

        input.ApplyTo(ip);
        ip.UpdatedAt = clock.GetUtcNow();
        return await SaveAsync(ip, ct);
    }

    public async Task<Outcome<IpListing>> SetStatusAsync(Actor? actor, int id, PublicationStatus status, IfMatch expected, CancellationToken ct)
    {
        var loaded = await FindForChangeAsync(actor, id, ct);
        if (loaded.Refusal is { } refused) return refused;
        var ip = loaded.Value!;
        if (expected.Check(ip.ConcurrencyStamp, What) is { } stale) return stale;
        IpListingPublishing.SetStatus(ip, status, clock.GetUtcNow());
        return await SaveAsync(ip, ct);
    }

    public async Task<Outcome<IpListing>> DeleteAsync(Actor? actor, int id, IfMatch expected, CancellationToken ct)
    {
        var loaded = await FindForChangeAsync(actor, id, ct);
        if (loaded.Refusal is { } refused) return refused;
        var ip = loaded.Value!;
        if (expected.Check(ip.ConcurrencyStamp, What) is { } stale) return stale;
        db.IpListings.Remove(ip);
        return await SaveAsync(ip, ct);
    }

    /// <summary>Another organisation's draft is reported as not found; its published listing as forbidden.</summary>
    public async Task<Outcome<IpListing>> FindForChangeAsync(Actor? actor, int id, CancellationToken ct)
    {
        var ip = await db.IpListings.Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (actor is null || ip is null) return Refusal.NotFound("The IP listing");
        if (await access.CheckAsync(actor, ip, AccessOperations.Change) is { } denied)
            return ip.Status == PublicationStatus.Published ? denied : Refusal.NotFound("The IP listing");
        return ip;
    }

    private async Task<Outcome<IpListing>> SaveAsync(IpListing ip, CancellationToken ct)
    {
        ip.ConcurrencyStamp = Guid.NewGuid();
        if (await db.SaveVersionedAsync(What, ct) is { } lost) return lost;
        return ip;
    }
}
