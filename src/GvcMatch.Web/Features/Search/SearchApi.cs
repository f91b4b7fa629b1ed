using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Search;

public sealed record SearchHitDto(int Id, string Title, double Score, IReadOnlyList<string> Highlights, object? Card);

public sealed record SearchResponse(long Total, int Page, int PageSize, IReadOnlyList<SearchHitDto> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

public sealed record SupplierHitCard(string Country, string SizeBand, bool Verified, IReadOnlyList<string> Capabilities, IReadOnlyList<string> Certifications, decimal? MonthlyCapacity, string? CapacityUnit, int? LeadTimeDays);

public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/search").WithTags("Search");
        group.MapGet("/suppliers", (HttpRequest r, SupplierSearch s, TimeProvider c, CancellationToken ct) => SearchAsync(DocumentKind.Supplier, r, s.SearchAsync, c, ct))
            .AllowAnonymous().WithSummary("Search of published suppliers with facets: words (BM25) fused with the capability concepts they name");
        group.MapGet("/ip", (HttpRequest r, ISearchIndex i, TimeProvider c, CancellationToken ct) => SearchAsync(DocumentKind.IpListing, r, i.SearchAsync, c, ct))
            .AllowAnonymous().WithSummary("Full-text search of published IP listings with facets");
        group.MapGet("/requirements", (HttpRequest r, ISearchIndex i, TimeProvider c, CancellationToken ct) => SearchAsync(DocumentKind.Requirement, r, i.SearchAsync, c, ct))
            .RequireAuthorization().WithSummary("Full-text search of published requirements with facets");
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        DocumentKind kind, HttpRequest request, Func<SearchQuery, CancellationToken, Task<SearchResult>> search, TimeProvider clock, CancellationToken ct)
    {
        SearchQuery query;
        try
        {
            query = SearchRequestParser.Parse(kind, request.Query);
        }
        catch (SearchQueryException ex)
        {
            return Problems.Invalid(ex.Field, ex.Message);
        }
        var result = await search(query, ct);
        var today = clock.Today();
        var hits = result.Hits.Select(h => new SearchHitDto(h.EntityId, h.Title, h.Score, h.Highlights, SupplierCard(h, today))).ToList();
        return TypedResults.Ok(new SearchResponse(result.Total, query.Skip / Math.Max(1, query.Take) + 1, query.Take, hits, result.Facets));
    }

    /// <summary>Suppliers carry their card in the payload; other kinds link to their page.</summary>
    public static SupplierHitCard? SupplierCard(SearchHit hit, DateOnly today)
    {
        if (hit.Kind != DocumentKind.Supplier || SupplierDocuments.FactsOf(hit) is not { } f) return null;
        return new SupplierHitCard(f.Country, f.SizeBand, f.Verified, f.Capabilities,
            f.Certifications.Where(c => c.ValidUntil is null || c.ValidUntil >= today).Select(c => c.Standard).ToList(),
            f.MonthlyCapacity, f.CapacityUnit, f.LeadTimeDays);
    }
}
