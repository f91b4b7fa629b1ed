using System.Security.Claims;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.SavedSearches;

public sealed record SaveSearchRequest(string Name, DocumentKind Kind, string Query);
public sealed record SavedSearchDto(int Id, string Name, DocumentKind Kind, string Query, DateTimeOffset CreatedAt, DateTimeOffset CheckedUpTo);

public static class SavedSearchesApi
{
    public static IEndpointRouteBuilder MapSavedSearchesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/saved-searches").WithTags("Search").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Your saved searches");
        group.MapPost("/", SaveAsync).WithSummary("Save a search; you are told in your inbox when new items match it");
        group.MapDelete("/{id:int}", DeleteAsync).WithSummary("Forget a saved search");
        return app;
    }

    /// <summary>Parses a stored query string the same way the search API parses a live one.</summary>
    public static SearchQuery Parse(DocumentKind kind, string query) =>
        SearchRequestParser.Parse(kind, new QueryCollection(QueryHelpers.ParseQuery(query)));

    private static async Task<Ok<List<SavedSearchDto>>> ListAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        return TypedResults.Ok(await db.Set<SavedSearch>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Name)
            .Select(s => new SavedSearchDto(s.Id, s.Name, s.Kind, s.Query, s.CreatedAt, s.CheckedUpTo)).ToListAsync(ct));
    }

    private static async Task<Results<Created<SavedSearchDto>, ValidationProblem>> SaveAsync(
        SaveSearchRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Required("name", request.Name, SavedSearchLimits.Name);
        errors.SingleLine("name", request.Name);
        errors.MaxLength("query", request.Query, SavedSearchLimits.Query);
        if (!Enum.IsDefined(request.Kind)) errors.Add("kind", "Kind is Supplier, IpListing or Requirement.");
        var query = (request.Query ?? "").TrimStart('?');
        if (!errors.Any)
        {
            try { Parse(request.Kind, query); }
            catch (SearchQueryException ex) { errors.Add($"query.{ex.Field}", ex.Message); }
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (await db.Set<SavedSearch>().CountAsync(s => s.UserId == userId, ct) >= SavedSearchLimits.PerUser)
            errors.Add("name", $"You can keep at most {SavedSearchLimits.PerUser} saved searches.");
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var now = clock.GetUtcNow();
        var saved = new SavedSearch { UserId = userId, Name = request.Name.Trim(), Kind = request.Kind, Query = query, CreatedAt = now, CheckedUpTo = now };
        db.Add(saved);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/saved-searches/{saved.Id}", new SavedSearchDto(saved.Id, saved.Name, saved.Kind, saved.Query, saved.CreatedAt, saved.CheckedUpTo));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var deleted = await db.Set<SavedSearch>().Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Problems.NotFound("The saved search") : TypedResults.NoContent();
    }
}
