namespace GvcMatch.Matching.Composition;

/// <summary>
/// What a requirement asks of a consortium, prepared once: the mandatory capability keywords as bits
/// (so that coverage of a set is an OR of masks), and which mandatory criteria add up over members.
/// </summary>
internal sealed class Shape
{
    public const int MaxKeywords = 64;

    public Shape(IReadOnlyList<Criterion> criteria, DateOnly today, Understanding.MatchContext? context = null)
    {
        Criteria = criteria;
        Today = today;
        var keywords = new List<string>();
        KeywordBits = new int[criteria.Count][];
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            if (c.Kind != CriterionKind.CapabilityFit || !c.Mandatory) continue;
            KeywordBits[i] = (c.Keywords ?? []).Select(k =>
            {
                // The same keyword in two mandatory criteria is one bit: whoever offers it covers both.
                var at = keywords.FindIndex(x => string.Equals(x, k, StringComparison.OrdinalIgnoreCase));
                if (at < 0) { keywords.Add(k); at = keywords.Count - 1; }
                return at;
            }).ToArray();
        }
        Keywords = keywords;
        // Prepared once per requirement, not once per candidate: reading keywords and criteria is
        // the same work for every supplier.
        Scorer = GvcMatch.Matching.Scorer.For(criteria, context);
        Full = keywords.Count >= MaxKeywords ? ulong.MaxValue : (1UL << keywords.Count) - 1;
        Capacity = Indices(criteria, c => c.Mandatory && c.Kind == CriterionKind.CapacityAtLeast);
        Export = Indices(criteria, c => c.Mandatory && c.Kind == CriterionKind.ExportExperience);
        AnyWeighted = criteria.Any(c => !c.Mandatory && (c.Weight ?? 0) > 0);
    }

    public IReadOnlyList<Criterion> Criteria { get; }
    public DateOnly Today { get; }

    /// <summary>Distinct mandatory capability keywords; keyword n is bit n.</summary>
    public IReadOnlyList<string> Keywords { get; }

    public CriteriaScorer Scorer { get; }

    /// <summary>Per criterion index: the bits of a mandatory capability criterion's keywords (null otherwise).</summary>
    public int[]?[] KeywordBits { get; }

    public ulong Full { get; }
    public int[] Capacity { get; }
    public int[] Export { get; }
    public bool AnyWeighted { get; }
    public bool TooManyKeywords => Keywords.Count > MaxKeywords;

    /// <summary>With no mandatory capability keyword the work is not split: every member does it.</summary>
    public bool EveryoneWorks => Keywords.Count == 0;

    private static int[] Indices(IReadOnlyList<Criterion> criteria, Func<Criterion, bool> predicate) =>
        Enumerable.Range(0, criteria.Count).Where(i => predicate(criteria[i])).ToArray();
}

/// <summary>One supplier as the composer sees it: its own score, the keywords it offers, its capacity in each sought unit.</summary>
internal sealed class Candidate
{
    public Candidate(Shape shape, SupplierFacts facts)
    {
        facts = Understanding.ProfileReading.Ensure(facts, shape.Scorer.Context.Vocabulary);
        Facts = facts;
        Alone = shape.Scorer.Score(facts, shape.Today);
        Coverage = new double[shape.Criteria.Count][];
        Offers = new bool[shape.Criteria.Count][];
        CapacityInUnit = new decimal?[shape.Criteria.Count];
        for (var i = 0; i < shape.Criteria.Count; i++)
        {
            var c = shape.Criteria[i];
            if (c.Kind == CriterionKind.CapabilityFit)
            {
                // The same reading as the scorer's: a keyword is offered when it counts as met there.
                var fits = shape.Scorer.Readers[i]?.Assess(facts) ?? [];
                Coverage[i] = fits.Select(f => f.Score).ToArray();
                Offers[i] = fits.Select(f => f.Met).ToArray();
                if (shape.KeywordBits[i] is { } bits)
                {
                    for (var k = 0; k < bits.Length; k++)
                        if (fits[k].Met) Mask |= 1UL << bits[k];
                }
            }
            else if (c.Kind == CriterionKind.CapacityAtLeast && facts.MonthlyCapacity is { } capacity
                     && string.Equals(Scorer.Unit(facts.CapacityUnit), Scorer.Unit(c.Unit), StringComparison.Ordinal))
            {
                CapacityInUnit[i] = capacity;
            }
        }
        // A supplier that offers any of the mandatory keywords does that part of the work (it cannot be
        // in a consortium only for its export experience while offering the governed work uncertified).
        Works = shape.EveryoneWorks || Mask != 0;
        Rejection = RejectionReason(shape);
        Useful = Rejection is null && (Mask != 0 || shape.Export.Any(e => Alone.Criteria[e].Met)
            || (Works && shape.Capacity.Any(c => CapacityInUnit[c] > 0)));
    }

    public SupplierFacts Facts { get; }
    public int Id => Facts.OrganizationId;

    /// <summary>The scorer's result for this supplier alone: per-criterion evidence and its own weighted total.</summary>
    public MatchResult Alone { get; }

    public ulong Mask { get; }
    public bool Works { get; }

    /// <summary>Per capability criterion index: this supplier's coverage of each keyword (the scorer's text rule).</summary>
    public double[]?[] Coverage { get; }

    /// <summary>Per capability criterion: whether the supplier offers each keyword (as the scorer counts it met).</summary>
    public bool[]?[] Offers { get; }

    /// <summary>Per capacity criterion index: monthly capacity in that criterion's unit, or null.</summary>
    public decimal?[] CapacityInUnit { get; }

    /// <summary>Why this supplier can be in no valid set at all, or null.</summary>
    public string? Rejection { get; }

    /// <summary>Can be a member (no rejection) and contributes something a set may need.</summary>
    public bool Useful { get; }

    /// <summary>
    /// The rules that hold member by member: location, size and verification for every member; the
    /// mandatory certificates and lead time for every member that does sought work.
    /// </summary>
    private string? RejectionReason(Shape shape)
    {
        foreach (var score in Alone.Criteria.Where(s => s.Mandatory && !s.Met))
        {
            var everyMember = score.Kind is CriterionKind.LocationIn or CriterionKind.CompanySize or CriterionKind.VerifiedSupplier;
            var everyWorker = score.Kind is CriterionKind.CertificationHeld or CriterionKind.LeadTimeAtMost;
            if (everyMember || (everyWorker && Works))
                return $"{Facts.Name}: {score.Summary} is required of {(everyMember ? "every member" : "every member doing the sought work")} ({score.Evidence})";
        }
        return null;
    }
}
