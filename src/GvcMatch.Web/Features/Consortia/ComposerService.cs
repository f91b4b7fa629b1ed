using System.Diagnostics;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Matching.Composition;
using GvcMatch.Search;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>
/// Retrieves consortium candidates from the index, one query per candidate group, and hands them to
/// <see cref="ConsortiumComposer"/>. A group is one mandatory capability keyword (suppliers that
/// offer it), plus, when they are mandatory, the best exporters and the largest capacities. The
/// rules every member must meet are hard filters on every query; so are the certificates and lead
/// time, because a supplier found for a keyword would do that work (see docs/consortium-composer.md).
/// </summary>
public sealed class ComposerService(ISearchIndex index, TimeProvider clock, Matching.MatchContexts contexts)
{
    /// <summary>Candidates retrieved per group.</summary>
    public const int CandidatesPerGroup = 60;

    public async Task<ConsortiaDto> ComposeAsync(Requirement requirement, SupplierFacts? includeMember, int top, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var today = clock.Today();
        var groups = Groups(requirement.Criteria);
        var facts = new Dictionary<int, SupplierFacts>();
        var retrieved = new List<CandidateGroupDto>(groups.Count);
        foreach (var (name, query) in groups)
        {
            var hits = await index.SearchAsync(query, ct);
            foreach (var hit in hits.Hits)
            {
                if (hit.Payload is null || facts.ContainsKey(hit.EntityId)) continue;
                facts[hit.EntityId] = SupplierDocuments.FactsOf(hit)!;
            }
            retrieved.Add(new CandidateGroupDto(name, hits.Total, hits.Hits.Count));
        }

        var result = ConsortiumComposer.Compose(requirement.Criteria, facts.Values, today, new ComposerOptions { Top = top }, includeMember, contexts.For(requirement));
        return new ConsortiaDto(
            requirement.Id, requirement.Version, clock.GetUtcNow(), includeMember?.OrganizationId,
            requirement.Criteria.Where(c => c.Mandatory).Select(c => c.Summary()).ToList(),
            retrieved, result.Search, result.Proposals, result.NoConsortiumNeeded, result.NoConsortiumNeededCount, result.Note,
            Math.Round(watch.Elapsed.TotalMilliseconds, 1));
    }

    /// <summary>The candidate groups of a requirement and the index query for each.</summary>
    public static List<(string Name, SearchQuery Query)> Groups(IReadOnlyList<Criterion> criteria)
    {
        var everyMember = criteria.Where(c => c.Mandatory && c.Kind is CriterionKind.LocationIn or CriterionKind.CompanySize or CriterionKind.VerifiedSupplier).ToList();
        var everyWorker = criteria.Where(c => c.Mandatory && c.Kind is CriterionKind.CertificationHeld or CriterionKind.LeadTimeAtMost).ToList();
        var mandatoryKeywords = criteria.Where(c => c.Mandatory && c.Kind == CriterionKind.CapabilityFit)
            .SelectMany(c => c.Keywords ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var allKeywords = criteria.Where(c => c.Kind == CriterionKind.CapabilityFit).SelectMany(c => c.Keywords ?? []).ToList();
        var groups = new List<(string, SearchQuery)>();

        if (mandatoryKeywords.Count == 0)
        {
            // The work is not split by capability: one pool of the best matches under the every-member rules.
            groups.Add(("best matches", Query([.. everyMember, .. everyWorker], allKeywords) with { Take = 2 * CandidatesPerGroup }));
        }
        foreach (var keyword in mandatoryKeywords)
        {
            // Every word of the keyword must occur; the composer then checks the scorer's text rule.
            groups.Add(($"offers \"{keyword}\"", Query([.. everyMember, .. everyWorker], [keyword]) with { AnyTerm = false }));
        }
        foreach (var export in criteria.Where(c => c.Mandatory && c.Kind == CriterionKind.ExportExperience))
        {
            // An exporter need not do the work, so certificates and lead time are not filters here.
            groups.Add(($"exporters: {export.Summary()}", Query([.. everyMember, export], allKeywords)));
        }
        foreach (var capacity in criteria.Where(c => c.Mandatory && c.Kind == CriterionKind.CapacityAtLeast))
        {
            groups.Add(($"largest capacities: {capacity.Summary()}",
                Query([.. everyMember, .. everyWorker], mandatoryKeywords) with { Sort = new SortBy("monthlyCapacity", Descending: true) }));
        }
        return groups;
    }

    /// <summary>Matching's own stage-one query for the given hard rules, with the keywords as relevance text.</summary>
    private static SearchQuery Query(List<Criterion> hardRules, IReadOnlyList<string> keywords)
    {
        var rules = new List<Criterion>(hardRules);
        if (keywords.Count > 0) rules.Add(new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 1, Keywords = keywords });
        return RetrievalQuery.ForSuppliers(rules, CandidatesPerGroup);
    }
}
