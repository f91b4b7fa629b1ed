using GvcMatch.Matching;
using GvcMatch.Search;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Infrastructure.Telemetry;

namespace GvcMatch.Web.Features.Matching;

/// <summary>
/// Two-stage matching: the index retrieves candidates (hard filters + text relevance), then the
/// scorer in GvcMatch.Matching scores every candidate on every published criterion. Only
/// candidates that meet all mandatory criteria are ranked; ties fall back to text relevance.
/// </summary>
public sealed class MatchingService(
    ISearchIndex index, TimeProvider clock, MatchContexts contexts, RequirementVectors? vectors = null, AppMetrics? metrics = null,
    Dashboards.CounterRecorder? counters = null)
{
    /// <summary>How many candidates stage one hands to the scorer.</summary>
    public const int CandidatePool = 200;

    public async Task<MatchListDto> MatchSuppliersAsync(Requirement requirement, int top, bool diversify, CancellationToken ct)
    {
        // Wall time, not the app clock: this is a latency, and tests move the app clock.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var today = clock.Today();
        var scorer = Scorer.For(requirement.Criteria, contexts.For(requirement));
        var candidates = await RetrieveAsync(requirement, scorer, ct);
        var ranked = Rank(scorer, candidates, today);

        if (diversify)
        {
            // No country may fill more than a third of the first page (at least two places each).
            ranked = Diversifier.Diversify(ranked, x => x.Facts.Country, top, Math.Max(2, top / 3));
        }

        // Only the page returned is explained: scored again with its evidence, to the same totals.
        var matches = ranked.Take(top).Select((x, i) => (x.Facts, Result: scorer.Score(x.Facts, today), Place: i + 1))
            .Select(x => new SupplierMatchDto(
                x.Place, x.Facts.OrganizationId, x.Facts.Name, x.Facts.Country, x.Facts.SizeBand, x.Facts.Verified,
                x.Result.Total, x.Result.Qualified, x.Result.Headline(), x.Result.Criteria.Select(CriterionScoreDto.From).ToList()))
            .ToList();
        var mandatory = requirement.Criteria.Where(c => c.Mandatory).Select(c => c.Summary()).ToList();
        metrics?.MatchRanked(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        // Every caller shows (or sends) this page of suppliers: each counts as an appearance on the SME's dashboard.
        counters?.RecordAppearances(requirement.Id, matches.Select(m => m.OrganizationId));
        return new MatchListDto(requirement.Id, requirement.Version, clock.GetUtcNow(), candidates.Count, ranked.Count, mandatory, diversify, matches);
    }

    /// <summary>
    /// Stage two: every candidate's facts read from its payload and scored without explanations;
    /// qualified and relevant ones ranked by total, then by fused retrieval rank, then by id.
    /// </summary>
    public static List<(SearchHit Hit, double Fused, SupplierFacts Facts, MatchResult Result)> Rank(
        CriteriaScorer scorer, IReadOnlyList<(SearchHit Hit, double Fused)> candidates, DateOnly today)
    {
        var ranked = new List<(SearchHit Hit, double Fused, SupplierFacts Facts, MatchResult Result)>(candidates.Count);
        foreach (var (hit, fused) in candidates)
        {
            var facts = SupplierDocuments.FactsOf(hit)!;
            var result = scorer.Score(facts, today, explain: false);
            if (result.Qualified && result.Relevant) ranked.Add((hit, fused, facts, result));
        }
        ranked.Sort(static (a, b) =>
            b.Result.Total.CompareTo(a.Result.Total) is not 0 and var byTotal ? byTotal
            : b.Fused.CompareTo(a.Fused) is not 0 and var byFused ? byFused
            : a.Facts.OrganizationId.CompareTo(b.Facts.OrganizationId));
        return ranked;
    }

    /// <summary>
    /// Stage one: the mandatory facts as filters on every list, never a word as a gate. One list
    /// ranks by the words (BM25), one by how many sought concepts (or narrower ones) a supplier
    /// names in any language, one by how near its profile's vector is to the requirement's; the
    /// three are fused by rank. The lists bring ids only; the payloads (what the scorer reads) are
    /// fetched for the fused winners alone, a third of the hits the lists return.
    /// </summary>
    public async Task<IReadOnlyList<(SearchHit Hit, double Fused)>> RetrieveAsync(Requirement requirement, CriteriaScorer scorer, CancellationToken ct)
    {
        var lists = new List<IReadOnlyList<SearchHit>>(3);
        foreach (var query in await ListsAsync(requirement, scorer, ct)) lists.Add((await index.SearchAsync(query, ct)).Hits);
        var fused = CandidateFusion.Fuse(lists, CandidatePool);
        var read = (await index.FetchAsync(DocumentKind.Supplier, fused.Select(x => x.Hit.EntityId).ToList(), ct)).ToDictionary(h => h.EntityId);
        // A supplier deleted between the lists and the fetch simply drops out.
        return fused.Where(x => read.ContainsKey(x.Hit.EntityId)).Select(x => (read[x.Hit.EntityId], x.Fused)).ToList();
    }

    /// <summary>The queries of stage one's lists: words, then concepts and the vector when there are any.</summary>
    public async Task<IReadOnlyList<SearchQuery>> ListsAsync(Requirement requirement, CriteriaScorer scorer, CancellationToken ct)
    {
        var words = RetrievalQuery.ForSuppliers(requirement.Criteria, CandidatePool) with { IdsOnly = true };
        if (words.Text is null) words = words with { Text = RetrievalQuery.KeywordText(requirement.Description.Split(' ')) };
        var lists = new List<SearchQuery>(3) { words };
        var concepts = scorer.Readers.Where(r => r is not null).SelectMany(r => r!.SoughtConcepts).Distinct().Take(RetrievalQuery.MaxConcepts).ToList();
        if (concepts.Count > 0) lists.Add(words with { Text = null, RankByTerms = new KeywordFilter("concept", concepts) });
        if (vectors is not null && await vectors.FindAsync(requirement, ct) is { } vector) lists.Add(words with { Text = null, Vector = vector });
        return lists;
    }

    /// <summary>
    /// The reverse direction: open requirements ranked for one SME, qualified ones first, each with
    /// the same explanation the buyer sees.
    /// </summary>
    public async Task<IReadOnlyList<(int RequirementId, string Title, MatchResult Result)>> RecommendRequirementsAsync(
        SupplierFacts supplier, int top, CancellationToken ct)
    {
        var today = clock.Today();
        var query = new SearchQuery
        {
            Kind = DocumentKind.Requirement,
            Text = RetrievalQuery.KeywordText(supplier.Capabilities.Concat(supplier.Materials)),
            AnyTerm = true,
            Filters = [new KeywordFilter("status", [nameof(RequirementStatus.Published)])],
            Ranges = [new RangeFilter("deadline", SupplierDocuments.DayNumber(today), null)],
            Take = CandidatePool,
        };
        var hits = await index.SearchAsync(query, ct);
        return hits.Hits
            .Select(h => (h.EntityId, h.Title, Payload: CriteriaPayload.Read(h.Payload), h.Score))
            .Select(x => (x.EntityId, x.Title, Result: Scorer.Score(x.Payload.Criteria, supplier, today, contexts.For(x.Payload.Description)), x.Score))
            .OrderByDescending(x => x.Result.Qualified).ThenByDescending(x => x.Result.Total).ThenByDescending(x => x.Score).ThenBy(x => x.EntityId)
            .Take(top)
            .Select(x => (x.EntityId, x.Title, x.Result))
            .ToList();
    }
}
