using GvcMatch.Matching;
using GvcMatch.Matching.Understanding;

namespace GvcMatch.Matching.Tests.Composition;

/// <summary>
/// The consortium rules of docs/consortium-composer.md written out plainly, member by member, without
/// the composer's bit masks or pruning, so that the tests compare the composer with an independent
/// reading of the same rules.
/// </summary>
public static class Reference
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    /// <summary>Whether the supplier offers the keyword as the scorer reads it on its own (one keyword, one supplier).</summary>
    public static bool Offers(SupplierFacts s, string keyword, MatchContext? context = null)
    {
        context ??= MatchContext.Lexical;
        return new CapabilityReader([keyword], context).Assess(ProfileReading.Ensure(s, context.Vocabulary))[0].Met;
    }

    private static bool Meets(Criterion c, SupplierFacts s, MatchContext? context) => Scorer.Score([c], s, Today, context ?? MatchContext.Lexical).Criteria[0].Met;

    /// <summary>
    /// The pieces of work a member may do: the keywords it offers, if it meets the consortium's lead
    /// time and every mandatory criterion of each role the keyword belongs to.
    /// </summary>
    public static List<string> Does(IReadOnlyList<Criterion> criteria, SupplierFacts s, MatchContext? context = null)
    {
        var mandatory = criteria.Where(c => c.Mandatory).ToList();
        if (mandatory.Any(c => c.Kind == CriterionKind.LeadTimeAtMost && c.AppliedScope() == CriterionScope.Consortium && !Meets(c, s, context))) return [];
        var done = new List<string>();
        foreach (var c in criteria.Where(c => c.Kind == CriterionKind.CapabilityFit && c.AppliedScope() == CriterionScope.Consortium))
        {
            foreach (var k in c.Keywords ?? [])
            {
                var roles = new[] { k, c.Role }.Where(r => r is not null).ToList();
                var qualified = mandatory.Where(m => m.Kind != CriterionKind.CapacityAtLeast && m.AppliedRole() is { } r
                    && roles.Contains(r, StringComparer.OrdinalIgnoreCase)).All(m => Meets(m, s, context));
                if (qualified && Offers(s, k, context)) done.Add(k.ToLowerInvariant());
            }
        }
        return done.Distinct().ToList();
    }

    private static List<string> RoleKeywords(IReadOnlyList<Criterion> criteria, string role) => criteria
        .Where(c => c.Kind == CriterionKind.CapabilityFit && c.AppliedScope() == CriterionScope.Consortium)
        .SelectMany(c => string.Equals(c.Role, role, StringComparison.OrdinalIgnoreCase) ? c.Keywords ?? [] : (c.Keywords ?? []).Where(k => string.Equals(k, role, StringComparison.OrdinalIgnoreCase)))
        .Select(k => k.ToLowerInvariant()).ToList();

    public static bool IsValid(IReadOnlyList<Criterion> criteria, IReadOnlyList<SupplierFacts> set, MatchContext? context = null)
    {
        if (set.Count == 0) return false;
        var does = set.ToDictionary(s => s, s => Does(criteria, s, context));
        var pieces = criteria.Where(c => c.Kind == CriterionKind.CapabilityFit && c.AppliedScope() == CriterionScope.Consortium).SelectMany(c => c.Keywords ?? []).ToList();
        var working = pieces.Count == 0 || set.All(s => does[s].Count == 0) ? set : set.Where(s => does[s].Count > 0).ToList();
        foreach (var c in criteria.Where(c => c.Mandatory))
        {
            var scope = c.AppliedScope();
            var role = c.AppliedRole();
            var doers = role is null ? working : set.Where(s => does[s].Intersect(RoleKeywords(criteria, role)).Any()).ToList();
            if (doers.Count == 0) doers = set.ToList();
            decimal? Sum(IEnumerable<SupplierFacts> group) => group.Select(s => Scorer.CapacityIn(c, s, out _)).Where(x => x is not null).Aggregate((decimal?)null, (a, x) => (a ?? 0) + x);
            var ok = (c.Kind, scope) switch
            {
                (CriterionKind.CapabilityFit, CriterionScope.Consortium) => (c.Keywords ?? []).All(k => set.Any(s => does[s].Contains(k.ToLowerInvariant()))),
                (_, CriterionScope.EveryMember) => set.All(s => Meets(c, s, context)),
                (CriterionKind.CapacityAtLeast, _) => Sum(doers) is { } sum && sum >= (c.Minimum ?? 0),
                (_, CriterionScope.Role) => doers.All(s => Meets(c, s, context)),
                (CriterionKind.LeadTimeAtMost, _) => working.All(s => Meets(c, s, context)),
                (CriterionKind.ExportExperience, _) => set.Any(s => Meets(c, s, context)),
                _ => set.Any(s => Meets(c, s, context)),
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>How many pieces of work (capability keywords) the set does.</summary>
    public static int PiecesDone(IReadOnlyList<Criterion> criteria, IReadOnlyList<SupplierFacts> set, MatchContext? context = null) =>
        set.SelectMany(s => Does(criteria, s, context)).Distinct().Count();

    /// <summary>Valid, and no member can be left out without breaking a mandatory criterion or leaving a piece of work undone.</summary>
    public static bool IsMinimalValid(IReadOnlyList<Criterion> criteria, IReadOnlyList<SupplierFacts> set, MatchContext? context = null) =>
        IsValid(criteria, set, context) && set.All(m =>
        {
            var without = set.Where(o => o != m).ToList();
            return !IsValid(criteria, without, context) || PiecesDone(criteria, without, context) < PiecesDone(criteria, set, context);
        });

    /// <summary>Every set of 2 to <paramref name="max"/> suppliers that is valid with every member needed.</summary>
    public static List<int[]> AllMinimalSets(IReadOnlyList<Criterion> criteria, IReadOnlyList<SupplierFacts> suppliers, int max = 4, MatchContext? context = null)
    {
        var found = new List<int[]>();
        void Walk(int from, List<SupplierFacts> set)
        {
            if (set.Count >= 2 && IsMinimalValid(criteria, set, context)) found.Add(set.Select(s => s.OrganizationId).Order().ToArray());
            if (set.Count == max) return;
            for (var i = from; i < suppliers.Count; i++)
            {
                set.Add(suppliers[i]);
                Walk(i + 1, set);
                set.RemoveAt(set.Count - 1);
            }
        }
        Walk(0, []);
        return found;
    }

    public static SupplierFacts Supplier(int id, params string[] capabilities) => new()
    {
        OrganizationId = id,
        Name = $"S{id}",
        Country = "DE",
        Verified = true,
        Capabilities = capabilities,
        Certifications = [new HeldCertificate("ISO 9001", Today.AddYears(1))],
        MonthlyCapacity = 1000,
        CapacityUnit = "pieces",
        LeadTimeDays = 20,
        ExportMarkets = [],
    };

    public static Criterion Capability(params string[] keywords) => new() { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = keywords };

    public static Criterion Certificate(string standard) => new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = standard };

    public static HashSet<string> Sets(Matching.Composition.CompositionResult result) =>
        result.Proposals.Select(p => string.Join(',', p.Members.Select(m => m.OrganizationId).Order())).ToHashSet();
}
