using GvcMatch.Matching.Understanding;
using GvcMatch.Search;
using GvcMatch.Web.Features.Matching;

namespace GvcMatch.Web.Features.Search;

/// <summary>
/// Supplier search that understands capabilities the way matching does. The query text is tagged
/// with the capability vocabulary; when it names concepts ("fresado CNC", 「板金加工」, "powder
/// coating"), the suppliers whose documents carry those concepts or narrower ones (the
/// <c>concept</c> field written at index time) are fused by reciprocal rank with the BM25 hits, so
/// an English-only CNC milling shop answers "fresado CNC" and an "electrostatic powder painting"
/// shop answers "powder coating". Other kinds, sorted searches and text naming no concept go to
/// the index unchanged.
/// </summary>
public sealed class SupplierSearch(ISearchIndex index, CapabilityVocabulary vocabulary)
{
    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var concepts = query.Kind == DocumentKind.Supplier && query.Sort is null ? ConceptsOf(query.Text) : [];
        if (concepts.Count == 0) return await index.SearchAsync(query, ct);

        // Both lists up to the end of the requested page, so paging through the fused list is stable.
        var window = Math.Min(SearchSchema.MaxWindow, query.Skip + query.Take);
        var words = await index.SearchAsync(query with { Skip = 0, Take = window }, ct);
        var named = await index.SearchAsync(query with
        {
            Text = null, Skip = 0, Take = window, Highlight = false,
            RankByTerms = new KeywordFilter(SupplierDocuments.ConceptField, concepts),
        }, ct);
        var fused = CandidateFusion.Fuse([words.Hits, named.Hits], window);
        var hits = fused.Skip(query.Skip).Take(query.Take).Select(x => WithScore(x.Hit, x.Fused)).ToList();
        // The union's size is not known without reading both lists whole; the larger list is a lower bound.
        var total = Math.Max(Math.Max(words.Total, named.Total), fused.Count);
        return new SearchResult(total, hits, MergeFacets(words.Facets, named.Facets));
    }

    /// <summary>
    /// The concepts the searched words name, with everything narrower (a search for "CNC machining"
    /// finds the CNC milling shops). Excluded words are not read: "-anodising" asks for less, not more.
    /// </summary>
    public IReadOnlyList<string> ConceptsOf(string? text)
    {
        var parsed = QueryText.Parse(text);
        if (parsed.IsEmpty) return [];
        var sought = parsed.Phrases.Append(string.Join(' ', parsed.Terms))
            .SelectMany(vocabulary.Tag).Select(m => m.ConceptId)
            // A sector ("machining", "packaging") is too broad to stand for a capability.
            .Where(id => vocabulary.Find(id)?.Kind != "sector")
            .Distinct(StringComparer.Ordinal).ToList();
        return sought.Concat(sought.SelectMany(vocabulary.DescendantsOf)).Distinct(StringComparer.Ordinal)
            .Take(Matching.RetrievalQuery.MaxConcepts).ToList();
    }

    private static SearchHit WithScore(SearchHit hit, double score) => hit.PayloadUtf8 is { } payload
        ? new SearchHit(hit.Kind, hit.EntityId, Math.Round(score, 6), hit.Title, payload, hit.Highlights)
        : new SearchHit(hit.Kind, hit.EntityId, Math.Round(score, 6), hit.Title, (string?)null, hit.Highlights);

    /// <summary>Per value the larger of the two lists' counts: neither list alone sees every supplier the page can show.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> MergeFacets(
        IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> a, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> b) =>
        a.Keys.Union(b.Keys).ToDictionary(field => field, field => (IReadOnlyList<FacetValue>)
            (a.GetValueOrDefault(field) ?? []).Concat(b.GetValueOrDefault(field) ?? [])
                .GroupBy(v => v.Value).Select(g => new FacetValue(g.Key, g.Max(v => v.Count)))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList());
}
