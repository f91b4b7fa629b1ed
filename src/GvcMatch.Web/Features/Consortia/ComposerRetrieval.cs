using GvcMatch.Matching;
using GvcMatch.Matching.Understanding;
using GvcMatch.Search;
using GvcMatch.Web.Features.Matching;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>One candidate group: which lists it was fused from, how many suppliers matched them, how many were taken.</summary>
public sealed record CandidateGroupDto(string Group, long Matching, int Retrieved);

/// <summary>
/// The index queries behind the composer. Each piece of work is retrieved the way matching
/// retrieves a requirement: BM25 on its words, the concepts it names (in any language) and the
/// nearest phrase vector, fused by rank, with the rules that bind whoever does that piece as
/// filters (every-member rules, the role's certificates, the consortium's lead time). Capacity and
/// facts one member must bring (export experience, ...) have groups of their own.
/// </summary>
public sealed record ComposerRetrieval(string Name, IReadOnlyList<SearchQuery> Lists)
{
    /// <summary>Candidates taken per group.</summary>
    public const int CandidatesPerGroup = 60;

    /// <summary>At most this many pieces of work get a group of their own (mandatory first); the rest ride on the relevance text.</summary>
    public const int MaxPieceGroups = 12;

    public static List<ComposerRetrieval> For(IReadOnlyList<Criterion> criteria, CriteriaScorer scorer, string? description, float[]? requirementVector)
    {
        var everyMember = Bound(criteria, c => c.AppliedScope() == CriterionScope.EveryMember && c.Kind != CriterionKind.CapabilityFit);
        var workers = Bound(criteria, c => c.Kind == CriterionKind.LeadTimeAtMost && c.AppliedScope() == CriterionScope.Consortium);
        var allKeywords = criteria.Where(c => c.Kind == CriterionKind.CapabilityFit).SelectMany(c => c.Keywords ?? []).ToList();
        var pieces = Pieces(criteria, scorer);
        var groups = new List<ComposerRetrieval>();

        foreach (var piece in pieces.Take(MaxPieceGroups))
        {
            var rules = Base([.. everyMember, .. workers, .. RoleRules(criteria, piece.Keyword, piece.Role)]);
            var lists = new List<SearchQuery> { rules with { Text = RetrievalQuery.KeywordText([piece.Keyword]), AnyTerm = true } };
            if (piece.Concepts.Count > 0) lists.Add(rules with { RankByTerms = new KeywordFilter("concept", piece.Concepts) });
            if (scorer.Context.Phrases?.Find(piece.Keyword) is { } vector) lists.Add(rules with { Vector = vector });
            groups.Add(new ComposerRetrieval($"does \"{piece.Keyword}\"", lists));
        }
        var relevance = RetrievalQuery.KeywordText(allKeywords) ?? RetrievalQuery.KeywordText((description ?? "").Split(' '));
        if (pieces.Count == 0)
        {
            // The work is not split: one pool of the best matches under the every-member rules.
            var rules = Base([.. everyMember, .. workers]) with { Take = 2 * CandidatesPerGroup };
            var lists = new List<SearchQuery> { rules with { Text = relevance, AnyTerm = true } };
            if (requirementVector is not null) lists.Add(rules with { Vector = requirementVector });
            groups.Add(new ComposerRetrieval("best matches", lists));
        }
        foreach (var c in criteria.Where(c => c.Mandatory && c.AppliedScope() == CriterionScope.Consortium
                     && c.Kind is not (CriterionKind.CapabilityFit or CriterionKind.CapacityAtLeast or CriterionKind.LeadTimeAtMost)))
        {
            // One member brings it for the consortium: it need not do the work, so the work's rules are no filters here.
            groups.Add(new ComposerRetrieval($"brings: {c.Summary()}", [Base([.. everyMember, c with { Mandatory = true }]) with { Text = relevance, AnyTerm = true }]));
        }
        var sought = pieces.SelectMany(p => p.Concepts).Distinct().Take(RetrievalQuery.MaxConcepts).ToList();
        foreach (var c in criteria.Where(c => c.Mandatory && c.Kind == CriterionKind.CapacityAtLeast && c.AppliedScope() != CriterionScope.EveryMember))
        {
            if (c.Minimum is not { } minimum || RetrievalQuery.CapacityFilter(c, minimum) is not { } capacity) continue;
            // The largest capacities in the criterion's kind of unit, among suppliers that name a sought concept or word.
            var rules = Base([.. everyMember, .. workers]);
            var measured = rules with { Filters = [.. rules.Filters, capacity.Measure], Sort = new SortBy("capacityBase", Descending: true) };
            var lists = new List<SearchQuery> { measured with { Text = relevance, AnyTerm = true } };
            if (sought.Count > 0) lists.Add(measured with { Filters = [.. measured.Filters, new KeywordFilter("concept", sought)] });
            groups.Add(new ComposerRetrieval($"largest capacities: {c.Summary()}", lists));
        }
        return groups;
    }

    private sealed record Piece(string Keyword, string? Role, IReadOnlyList<string> Concepts);

    /// <summary>The pieces of work: mandatory capability keywords first, then weighted ones, each with the concepts it names.</summary>
    private static List<Piece> Pieces(IReadOnlyList<Criterion> criteria, CriteriaScorer scorer)
    {
        var pieces = new List<(Piece Piece, bool Mandatory)>();
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            if (c.Kind != CriterionKind.CapabilityFit || c.AppliedScope() != CriterionScope.Consortium) continue;
            foreach (var k in c.Keywords ?? [])
            {
                if (pieces.Any(p => string.Equals(p.Piece.Keyword, k, StringComparison.OrdinalIgnoreCase))) continue;
                var concepts = new CapabilityReader([k], scorer.Context).SoughtConcepts.Take(RetrievalQuery.MaxConcepts).ToList();
                pieces.Add((new Piece(k, c.Role, concepts), c.Mandatory));
            }
        }
        return pieces.OrderByDescending(p => p.Mandatory).Select(p => p.Piece).ToList();
    }

    /// <summary>The mandatory criteria of the roles a piece belongs to (its criterion's role name, or the keyword itself as a role).</summary>
    private static IEnumerable<Criterion> RoleRules(IReadOnlyList<Criterion> criteria, string keyword, string? role) =>
        criteria.Where(c => c.Mandatory && c.Kind != CriterionKind.CapacityAtLeast && c.AppliedRole() is { } r
            && (string.Equals(r, keyword, StringComparison.OrdinalIgnoreCase) || string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static List<Criterion> Bound(IReadOnlyList<Criterion> criteria, Func<Criterion, bool> predicate) =>
        criteria.Where(c => c.Mandatory && predicate(c)).ToList();

    /// <summary>Matching's own filters for the given hard rules, with no relevance yet.</summary>
    private static SearchQuery Base(IReadOnlyList<Criterion> hardRules) => RetrievalQuery.ForSuppliers(hardRules, CandidatesPerGroup) with { Text = null };
}
