using System.Security.Claims;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.SavedSearches;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Search;

/// <summary>
/// Full-text search with facets for suppliers, IP listings and requirements. The page reads the
/// same query string as <c>/api/search/{kind}</c>, so a URL can be shared, saved and replayed.
/// </summary>
public sealed class IndexModel(SupplierSearch search, AppDbContext db, TimeProvider clock, SavedSearchService saver) : PageModel
{
    public static readonly IReadOnlyDictionary<string, (DocumentKind Kind, string Title)> Kinds = new Dictionary<string, (DocumentKind, string)>(StringComparer.OrdinalIgnoreCase)
    {
        ["suppliers"] = (DocumentKind.Supplier, "Suppliers"),
        ["ip"] = (DocumentKind.IpListing, "IP listings"),
        ["requirements"] = (DocumentKind.Requirement, "Requirements"),
    };

    public string KindSlug { get; private set; } = "suppliers";
    public DocumentKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public SearchQuery? Query { get; private set; }
    public SearchResult? Result { get; private set; }
    public string? Error { get; private set; }
    public string? Saved { get; private set; }

    public int CurrentPage => Query is null ? 1 : Query.Skip / Math.Max(1, Query.Take) + 1;
    public int Pages => Query is null || Result is null ? 0 : (int)Math.Min((Result.Total + Query.Take - 1) / Math.Max(1, Query.Take), SearchSchema.MaxWindow / Math.Max(1, Query.Take));

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (!Select(kind)) return NotFound();
        if (Kind == DocumentKind.Requirement && User.Identity?.IsAuthenticated != true) return Challenge();
        try
        {
            Query = SearchRequestParser.Parse(Kind, Request.Query);
            Result = await search.SearchAsync(Query, ct);
        }
        catch (SearchQueryException ex)
        {
            Error = ex.Message;
        }
        Saved = TempData["Saved"] as string;
        return Page();
    }

    /// <summary>Saves the current query for the signed-in person; new hits then arrive in their inbox.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string kind, string? name, string? query, CancellationToken ct)
    {
        if (!Select(kind)) return NotFound();
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        query = (query ?? "").TrimStart('?');
        var back = $"/Search/{KindSlug}?{query}";
        var saved = await saver.SaveAsync(await User.GetActorAsync(db, ct), new SaveSearchRequest(SavedName(name, query), Kind, query), ct);
        if (saved.Refusal is { } refused)
        {
            TempData["Saved"] = $"Not saved: {refused.Detail}";
            return Redirect(back);
        }
        TempData["Saved"] = "Saved. You will find new matches in your inbox.";
        return Redirect(back);
    }

    private string SavedName(string? name, string query)
    {
        var text = string.IsNullOrWhiteSpace(name)
            ? $"{Title}: {Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).GetValueOrDefault("q")}".Trim(' ', ':')
            : name.Trim();
        return text.Length > SavedSearchLimits.Name ? text[..SavedSearchLimits.Name] : text;
    }

    /// <summary>The current URL with one filter value switched on or off (facet links).</summary>
    public string Toggle(string field, string value)
    {
        var pairs = Request.Query.Where(q => q.Key is not "page").SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? ""))).ToList();
        var on = pairs.Any(p => p.Key == field && p.Value.Split(',').Contains(value));
        pairs = on
            ? pairs.Select(p => p.Key == field ? (p.Key, string.Join(',', p.Value.Split(',').Where(v => v != value))) : p).Where(p => p.Item2.Length > 0).ToList()
            : [.. pairs, (field, value)];
        return LinkWith(pairs);
    }

    public bool IsOn(string field, string value) =>
        Request.Query.TryGetValue(field, out var values) && values.Any(v => (v ?? "").Split(',').Contains(value));

    private string LinkWith(IEnumerable<(string Key, string Value)> pairs) =>
        $"/Search/{KindSlug}?" + string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    private bool Select(string kind)
    {
        if (!Kinds.TryGetValue(kind, out var k)) return false;
        KindSlug = kind.ToLowerInvariant();
        (Kind, Title) = k;
        return true;
    }

    public string DetailsLink(SearchHit hit) => hit.Kind switch
    {
        DocumentKind.Supplier => $"/Suppliers/{hit.EntityId}",
        DocumentKind.IpListing => $"/Ip/{hit.EntityId}",
        _ => $"/Requirements/{hit.EntityId}",
    };

    public DateOnly Today => clock.Today();
}
