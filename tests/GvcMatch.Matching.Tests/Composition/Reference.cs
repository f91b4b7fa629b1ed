using GvcMatch.Matching;

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
    public static bool Offers(SupplierFacts s, string keyword) =>
        new GvcMatch.Matching.Understanding.CapabilityReader([keyword], GvcMatch.Matching.Understanding.MatchContext.Lexical)
            .Assess(GvcMatch.Matching.Understanding.ProfileReading.Ensure(s, GvcMatch.Matching.Understanding.CapabilityVocabulary.Empty))[0].Met;

    private static bool Meets(Criterion c, SupplierFacts s) => Scorer.Score([c], s, Today).Criteria[0].Met;

    public static bool IsValid(IReadOnlyList<Criterion> criteria, IReadOnlyList<SupplierFacts> set)
    {
        var mandatory = criteria.Where(c => c.Mandatory).ToList();
        var keywords = mandatory.Where(c => c.Kind == CriterionKind.CapabilityFit).SelectMany(c => c.Keywords ?? []).ToList();
        var working = keywords.Count == 0 ? set : set.Where(s => keywords.Any(k => Offers(s, k))).ToList();
        foreach (var c in mandatory)
        {
            var ok = c.Kind switch
            {
                CriterionKind.CapabilityFit => (c.Keywords ?? []).All(k => set.Any(s => Offers(s, k))),
                CriterionKind.CertificationHeld or CriterionKind.LeadTimeAtMost => working.All(s => Meets(c, s)),
                // A capacity criterion with no minimum is met exactly when the capacity is stated in its unit.
                CriterionKind.CapacityAtLeast => working.Where(s => Meets(c with { Minimum = 0 }, s)).Sum(s => s.MonthlyCapacity ?? 0) >= (c.Minimum ?? 0),
                CriterionKind.ExportExperience => set.Any(s => Meets(c, s)),
                _ => set.All(s => Meets(c, s)),
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>Valid, and no member can be left out.</summary>
    public static bool IsMinimalValid(IReadOnlyList<Criterion> criteria, IReadOnlyList<SupplierFacts> set) =>
        IsValid(criteria, set) && set.All(m => !IsValid(criteria, set.Where(o => o != m).ToList()));

    /// <summary>Every set of 2 to <paramref name="max"/> suppliers that is valid with every member needed.</summary>
    public static List<int[]> AllMinimalSets(IReadOnlyList<Criterion> criteria, IReadOnlyList<SupplierFacts> suppliers, int max = 4)
    {
        var found = new List<int[]>();
        void Walk(int from, List<SupplierFacts> set)
        {
            if (set.Count >= 2 && IsMinimalValid(criteria, set)) found.Add(set.Select(s => s.OrganizationId).Order().ToArray());
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
