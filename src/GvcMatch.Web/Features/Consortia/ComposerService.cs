using System.Diagnostics;
using GvcMatch.Matching;
using GvcMatch.Matching.Composition;
using GvcMatch.Search;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>
/// Retrieves consortium candidates from the index, one group per piece of work (and per capacity or
/// fact one member must bring, see <see cref="ComposerRetrieval"/>), and hands them to
/// <see cref="ConsortiumComposer"/> with matching's own understanding of capabilities, so the
/// composer and the match list read a profile the same way (docs/consortium-composer.md).
/// </summary>
public sealed class ComposerService(ISearchIndex index, TimeProvider clock, MatchContexts contexts, RequirementVectors? vectors = null)
{
    public async Task<ConsortiaDto> ComposeAsync(Requirement requirement, SupplierFacts? includeMember, int top, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var today = clock.Today();
        var context = contexts.For(requirement);
        var scorer = Scorer.For(requirement.Criteria, context);
        var (facts, retrieved) = await RetrieveAsync(requirement, scorer, ct);

        var result = ConsortiumComposer.Compose(requirement.Criteria, facts, today, new ComposerOptions { Top = top }, includeMember, context);
        return new ConsortiaDto(
            requirement.Id, requirement.Version, clock.GetUtcNow(), includeMember?.OrganizationId,
            requirement.Criteria.Where(c => c.Mandatory).Select(c => c.Summary()).ToList(),
            retrieved, result.Search, result.Proposals, result.NoConsortiumNeeded, result.NoConsortiumNeededCount, result.Note,
            Math.Round(watch.Elapsed.TotalMilliseconds, 1));
    }

    /// <summary>The candidates of every group, each supplier's facts read once, and what each group found.</summary>
    public async Task<(IReadOnlyCollection<SupplierFacts> Facts, List<CandidateGroupDto> Groups)> RetrieveAsync(
        Requirement requirement, CriteriaScorer scorer, CancellationToken ct)
    {
        var anyPiece = requirement.Criteria.Any(c => c.Kind == CriterionKind.CapabilityFit);
        var vector = !anyPiece && vectors is not null ? await vectors.FindAsync(requirement, ct) : null;
        var groups = ComposerRetrieval.For(requirement.Criteria, scorer, requirement.Description, vector);
        // Every list of every group at once: they are independent reads of one index, and a request
        // otherwise waits for a dozen queries in a row.
        var results = await Task.WhenAll(groups.Select(g => Task.WhenAll(g.Lists.Select(q => index.SearchAsync(q, ct)))));
        var facts = new Dictionary<int, SupplierFacts>();
        var retrieved = new List<CandidateGroupDto>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var fused = CandidateFusion.Fuse(results[g].Select(r => r.Hits), groups[g].Lists[0].Take);
            foreach (var (hit, _) in fused)
            {
                // Payloads are read once per supplier, however many groups find it.
                if (hit.PayloadUtf8 is null || facts.ContainsKey(hit.EntityId)) continue;
                facts[hit.EntityId] = SupplierDocuments.FactsOf(hit)!;
            }
            retrieved.Add(new CandidateGroupDto(groups[g].Name, results[g].Max(r => r.Total), fused.Count));
        }
        return (facts.Values, retrieved);
    }
}
