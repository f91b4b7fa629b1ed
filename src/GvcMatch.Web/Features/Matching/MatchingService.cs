using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Search;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Matching;

/// <summary>
/// Two-stage matching: the index retrieves candidates (hard filters + text relevance), then the
/// scorer in GvcMatch.Matching scores every candidate on every published criterion. Only
/// candidates that meet all mandatory criteria are ranked; ties fall back to text relevance.
/// </summary>
public sealed class MatchingService(ISearchIndex index, TimeProvider clock)
{
    /// <summary>How many candidates stage one hands to the scorer.</summary>
    public const int CandidatePool = 200;

    public async Task<MatchListDto> MatchSuppliersAsync(Requirement requirement, int top, bool diversify, CancellationToken ct)
    {
        var today = clock.Today();
        var hits = await index.SearchAsync(RetrievalQuery.ForSuppliers(requirement.Criteria, CandidatePool), ct);
        var scorer = Scorer.For(requirement.Criteria);
        var ranked = hits.Hits
            .Select(h => (Hit: h, Facts: SupplierDocuments.FactsOf(h)!))
            .Select(x => (x.Hit, x.Facts, Result: scorer.Score(x.Facts, today)))
            .Where(x => x.Result.Qualified)
            .OrderByDescending(x => x.Result.Total).ThenByDescending(x => x.Hit.Score).ThenBy(x => x.Facts.OrganizationId)
            .ToList();

        if (diversify)
        {
            // No country may fill more than a third of the first page (at least two places each).
            ranked = Diversifier.Diversify(ranked, x => x.Facts.Country, top, Math.Max(2, top / 3));
        }

        var matches = ranked.Take(top).Select((x, i) => new SupplierMatchDto(
                i + 1, x.Facts.OrganizationId, x.Facts.Name, x.Facts.Country, x.Facts.SizeBand, x.Facts.Verified,
                x.Result.Total, x.Result.Qualified, x.Result.Headline(), x.Result.Criteria.Select(CriterionScoreDto.From).ToList()))
            .ToList();
        var mandatory = requirement.Criteria.Where(c => c.Mandatory).Select(c => c.Summary()).ToList();
        return new MatchListDto(requirement.Id, requirement.Version, clock.GetUtcNow(), hits.Hits.Count, ranked.Count, mandatory, diversify, matches);
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
            .Select(h => (h.EntityId, h.Title, Criteria: JsonSerializer.Deserialize<List<Criterion>>(h.Payload ?? "[]", CriteriaPayload.Json) ?? [], h.Score))
            .Select(x => (x.EntityId, x.Title, Result: Scorer.Score(x.Criteria, supplier, today), x.Score))
            .OrderByDescending(x => x.Result.Qualified).ThenByDescending(x => x.Result.Total).ThenByDescending(x => x.Score).ThenBy(x => x.EntityId)
            .Take(top)
            .Select(x => (x.EntityId, x.Title, x.Result))
            .ToList();
    }
}
