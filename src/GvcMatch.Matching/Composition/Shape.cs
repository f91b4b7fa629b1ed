namespace GvcMatch.Matching.Composition;

/// <summary>
/// What a requirement asks of a consortium, prepared once. The pieces of work are the capability
/// keywords, one bit each (so what a set offers is an OR of masks): the mandatory ones must all be
/// done; when no capability is mandatory the weighted ones are the pieces, done as far as a set can.
/// A role is a named group of pieces (a capability criterion's role name, or a keyword named as a role).
/// </summary>
internal sealed class Shape
{
    public const int MaxKeywords = 64;

    public Shape(IReadOnlyList<Criterion> criteria, DateOnly today, Understanding.MatchContext? context = null)
    {
        Criteria = criteria;
        Today = today;
        Scopes = criteria.Select(c => c.AppliedScope()).ToArray();
        var pieces = new List<string>();
        var mandatory = new List<bool>();
        KeywordBits = new int[criteria.Count][];
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            if (c.Kind != CriterionKind.CapabilityFit || Scopes[i] != CriterionScope.Consortium) continue;
            // Weighted keywords are pieces of work too: optional ones beside mandatory pieces, the only ones without.
            KeywordBits[i] = (c.Keywords ?? []).Select(k =>
            {
                // The same keyword in two criteria is one piece: whoever does it does it for both.
                var at = pieces.FindIndex(x => string.Equals(x, k, StringComparison.OrdinalIgnoreCase));
                if (at < 0) { pieces.Add(k); mandatory.Add(false); at = pieces.Count - 1; }
                mandatory[at] |= c.Mandatory;
                return at;
            }).ToArray();
        }
        Keywords = pieces;
        Scorer = GvcMatch.Matching.Scorer.For(criteria, context);
        for (var b = 0; b < Math.Min(pieces.Count, MaxKeywords); b++)
        {
            AllPieces |= 1UL << b;
            if (mandatory[b]) Full |= 1UL << b;
        }
        Roles = RoleBits(criteria);
        RoleOf = criteria.Select(c => c.AppliedRole()).ToArray();
        Capacity = Indices(c => c.Mandatory && c.Kind == CriterionKind.CapacityAtLeast && c.AppliedScope() is CriterionScope.Consortium or CriterionScope.Role);
        AnyMember = Indices(c => c.Mandatory && c.AppliedScope() == CriterionScope.Consortium
            && c.Kind is not (CriterionKind.CapabilityFit or CriterionKind.CapacityAtLeast or CriterionKind.LeadTimeAtMost));
        AnyWeighted = criteria.Any(c => !c.Mandatory && (c.Weight ?? 0) > 0);
    }

    public IReadOnlyList<Criterion> Criteria { get; }
    public DateOnly Today { get; }
    public CriterionScope[] Scopes { get; }

    /// <summary>The pieces of work (distinct capability keywords of the consortium-scoped capability criteria); piece n is bit n.</summary>
    public IReadOnlyList<string> Keywords { get; }

    public CriteriaScorer Scorer { get; }

    /// <summary>Per criterion index: the bits of a consortium-scoped capability criterion's keywords (null otherwise).</summary>
    public int[]?[] KeywordBits { get; }

    /// <summary>The pieces every valid set must do (the mandatory keywords).</summary>
    public ulong Full { get; }

    /// <summary>Every piece, mandatory or weighted.</summary>
    public ulong AllPieces { get; }

    /// <summary>Role name (case-insensitive) → the pieces that make up that role.</summary>
    public Dictionary<string, ulong> Roles { get; }

    /// <summary>Per criterion index: the role it applies to, or null.</summary>
    public string?[] RoleOf { get; }

    /// <summary>Mandatory capacities that add up over members (the consortium's or a role's).</summary>
    public int[] Capacity { get; }

    /// <summary>Mandatory criteria the consortium meets when any one member does (export experience, a certificate for the consortium, ...).</summary>
    public int[] AnyMember { get; }

    public bool AnyWeighted { get; }
    public bool TooManyKeywords => Keywords.Count > MaxKeywords;

    /// <summary>With no piece of work named, the work is not split: every member does it.</summary>
    public bool EveryoneWorks => Keywords.Count == 0;

    public ulong RoleMask(string role) => Roles.GetValueOrDefault(role);

    private Dictionary<string, ulong> RoleBits(IReadOnlyList<Criterion> criteria)
    {
        var roles = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        void Add(string name, ulong bits) => roles[name.Trim()] = roles.GetValueOrDefault(name.Trim()) | bits;
        for (var i = 0; i < criteria.Count; i++)
        {
            if (KeywordBits[i] is not { } bits) continue;
            var c = criteria[i];
            var mask = bits.Aggregate(0UL, (m, b) => b < MaxKeywords ? m | (1UL << b) : m);
            if (!string.IsNullOrWhiteSpace(c.Role)) Add(c.Role, mask);
            var keywords = c.Keywords ?? [];
            for (var k = 0; k < keywords.Count; k++) if (bits[k] < MaxKeywords) Add(keywords[k], 1UL << bits[k]);
        }
        return roles;
    }

    private int[] Indices(Func<Criterion, bool> predicate) =>
        Enumerable.Range(0, Criteria.Count).Where(i => predicate(Criteria[i])).ToArray();
}
