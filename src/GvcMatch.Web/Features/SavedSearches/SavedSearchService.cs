using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.SavedSearches;

/// <summary>Keeping and forgetting saved searches; the API, the search page and the inbox all call it, so the limits hold on every path.</summary>
public sealed class SavedSearchService(AppDbContext db, TimeProvider clock, ResourceAccess access)
{
    public async Task<Outcome<SavedSearch>> SaveAsync(Actor? actor, SaveSearchRequest request, CancellationToken ct)
    {
        if (actor is null) return Refusal.Forbidden("Sign in again.");
        var errors = new Errors();
        errors.Required("name", request.Name, SavedSearchLimits.Name);
        errors.SingleLine("name", request.Name);
        errors.MaxLength("query", request.Query, SavedSearchLimits.Query);
        if (!Enum.IsDefined(request.Kind)) errors.Add("kind", "Kind is Supplier, IpListing or Requirement.");
        var query = (request.Query ?? "").TrimStart('?');
        if (!errors.Any)
        {
            try { SavedSearchesApi.Parse(request.Kind, query); }
            catch (SearchQueryException ex) { errors.Add($"query.{ex.Field}", ex.Message); }
        }
        if (await db.SavedSearches.CountAsync(s => s.UserId == actor.UserId, ct) >= SavedSearchLimits.PerUser)
            errors.Add("name", $"You can keep at most {SavedSearchLimits.PerUser} saved searches.");
        if (errors.Any) return Refusal.Invalid(errors);

        var now = clock.GetUtcNow();
        var saved = new SavedSearch { UserId = actor.UserId, Name = request.Name.Trim(), Kind = request.Kind, Query = query, CreatedAt = now, CheckedUpTo = now };
        db.SavedSearches.Add(saved);
        await db.SaveChangesAsync(ct);
        return saved;
    }

    public async Task<Outcome<SavedSearch>> DeleteAsync(Actor? actor, int id, IfMatch expected, CancellationToken ct)
    {
        var found = await FindAsync(actor, id, ct);
        if (found.Refusal is { } refused) return refused;
        if (expected.Check(found.Value!.ConcurrencyStamp, "this saved search") is { } stale) return stale;
        // Only if the stamp is still the one checked: a concurrent change or delete is not overwritten.
        var deleted = await db.SavedSearches.Where(s => s.Id == id && s.ConcurrencyStamp == found.Value.ConcurrencyStamp).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Refusal.NotFound("The saved search") : found;
    }

    /// <summary>The caller's own saved search; anyone else's does not exist for it.</summary>
    public async Task<Outcome<SavedSearch>> FindAsync(Actor? actor, int id, CancellationToken ct)
    {
        var search = await db.SavedSearches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (search is null || !await access.AllowsAsync(actor, search, AccessOperations.Read)) return Refusal.NotFound("The saved search");
        return search;
    }
}
