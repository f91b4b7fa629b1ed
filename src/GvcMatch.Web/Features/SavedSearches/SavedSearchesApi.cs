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
public sealed record SavedSearchDto(int Id, string Name, DocumentKind Kind, string Query, DateTimeOffset CreatedAt, DateTimeOffset CheckedUpTo)
{
    public static SavedSearchDto From(SavedSearch s) => new(s.Id, s.Name, s.Kind, s.Query, s.CreatedAt, s.CheckedUpTo);
}

public static class SavedSearchesApi
{
    public static IServiceCollection AddSavedSearches(this IServiceCollection services)
    {
        services.AddScoped<SavedSearchService>();
        return services;
    }

    public static IEndpointRouteBuilder MapSavedSearchesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/saved-searches").WithTags("Search").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Your saved searches");
        group.MapGet("/{id:int}", GetAsync).WithSummary("One of your saved searches, with its ETag");
        group.MapPost("/", SaveAsync).WithSummary("Save a search; you are told in your inbox when new items match it");
        group.MapDelete("/{id:int}", DeleteAsync).WithSummary("Forget a saved search (If-Match optional)");
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

    private static async Task<Results<Ok<SavedSearchDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        int id, HttpResponse response, ClaimsPrincipal user, AppDbContext db, SavedSearchService service, CancellationToken ct) =>
        (await service.FindAsync(await user.GetActorAsync(db, ct), id, ct)).Reply(response, s => s.ConcurrencyStamp, SavedSearchDto.From);

    private static async Task<Results<Created<SavedSearchDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        SaveSearchRequest request, HttpResponse response, ClaimsPrincipal user, AppDbContext db, SavedSearchService service, CancellationToken ct) =>
        (await service.SaveAsync(await user.GetActorAsync(db, ct), request, ct))
            .ReplyCreated(response, s => s.ConcurrencyStamp, s => $"/api/saved-searches/{s.Id}", SavedSearchDto.From);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        int id, HttpRequest request, ClaimsPrincipal user, AppDbContext db, SavedSearchService service, CancellationToken ct) =>
        (await service.DeleteAsync(await user.GetActorAsync(db, ct), id, IfMatch.From(request), ct)).ReplyNoContent();
}
