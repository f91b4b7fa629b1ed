using System.Numerics;

namespace GvcMatch.Matching.Composition;

/// <summary>
/// One supplier as the composer sees it: its own score, the pieces of work it offers, the pieces it
/// may do (those of roles whose criteria it meets), its capacity in each sought unit and period.
/// </summary>
internal sealed class Candidate
{
    public Candidate(Shape shape, SupplierFacts facts)
    {
        facts = Understanding.ProfileReading.Ensure(facts, shape.Scorer.Context.Vocabulary);
        Facts = facts;
        Alone = shape.Scorer.Score(facts, shape.Today);
        var count = shape.Criteria.Count;
        Coverage = new double[count][];
        Offers = new bool[count][];
        _fits = new Understanding.KeywordFit[count][];
        CapacityIn = new decimal?[count];
        for (var i = 0; i < count; i++)
        {
            var c = shape.Criteria[i];
            if (c.Kind == CriterionKind.CapabilityFit)
            {
                // The same reading as the scorer's: a keyword is offered when it counts as met there.
                var fits = shape.Scorer.Readers[i]?.Assess(facts) ?? [];
                _fits[i] = fits;
                Coverage[i] = fits.Select(f => f.Score).ToArray();
                Offers[i] = fits.Select(f => f.Met).ToArray();
                if (shape.KeywordBits[i] is { } bits)
                {
                    for (var k = 0; k < bits.Length; k++)
                        if (fits[k].Met && bits[k] < Shape.MaxKeywords) Offered |= 1UL << bits[k];
                }
            }
            else if (c.Kind == CriterionKind.CapacityAtLeast)
            {
                CapacityIn[i] = Scorer.CapacityIn(c, facts, out _);
            }
        }
        (Mask, NotFor, var blocked) = Qualified(shape);
        for (var i = 0; i < count; i++)
        {
            // Coverage counts only for pieces of roles the member may take.
            if (shape.KeywordBits[i] is not { } bits) continue;
            for (var k = 0; k < bits.Length; k++)
                if (bits[k] < Shape.MaxKeywords && (blocked & (1UL << bits[k])) != 0) Coverage[i]![k] = 0;
        }
        Rejection = RejectionReason(shape);
        Useful = Rejection is null && (Mask != 0 || shape.AnyMember.Any(a => Alone.Criteria[a].Met)
            || (shape.EveryoneWorks && shape.Capacity.Any(c => CapacityIn[c] > 0)));
    }

    private readonly Understanding.KeywordFit[]?[] _fits;

    /// <summary>Per capability criterion: the reader's fit of each keyword, with the pair that earned it.</summary>
    public Understanding.KeywordFit[]? Fits(int i) => _fits[i];

    public SupplierFacts Facts { get; }
    public int Id => Facts.OrganizationId;

    /// <summary>The scorer's result for this supplier alone: per-criterion evidence and its own weighted total.</summary>
    public MatchResult Alone { get; }

    /// <summary>The pieces of work it offers.</summary>
    public ulong Offered { get; }

    /// <summary>The pieces it may do in a consortium: offered, and it meets the criteria of every role the piece belongs to.</summary>
    public ulong Mask { get; }

    /// <summary>Why it may not do some pieces it offers ("the software partner: no ISO/IEC 27001 certificate").</summary>
    public IReadOnlyList<string> NotFor { get; }

    public bool Works(Shape shape) => shape.EveryoneWorks || Mask != 0;

    public bool DoesRole(Shape shape, string role) => (Mask & shape.RoleMask(role)) != 0;

    /// <summary>Per capability criterion index: this supplier's coverage of each keyword it may do.</summary>
    public double[]?[] Coverage { get; }

    /// <summary>Per capability criterion: whether the supplier offers each keyword (as the scorer counts it met).</summary>
    public bool[]?[] Offers { get; }

    /// <summary>Per capacity criterion index: its capacity in that criterion's unit and period, or null when they do not compare.</summary>
    public decimal?[] CapacityIn { get; }

    /// <summary>Why this supplier can be in no valid set at all, or null.</summary>
    public string? Rejection { get; }

    /// <summary>Can be a member (no rejection) and contributes something a set may need.</summary>
    public bool Useful { get; }

    public int PieceCount => BitOperations.PopCount(Mask);

    /// <summary>
    /// The pieces it may do: none when it misses the consortium's lead time (it would hold up the
    /// work); none of a role's pieces when it misses a mandatory criterion of that role.
    /// </summary>
    private (ulong, IReadOnlyList<string>, ulong) Qualified(Shape shape)
    {
        var mask = Offered;
        var blocked = 0UL;
        var notFor = new List<string>();
        for (var i = 0; i < shape.Criteria.Count; i++)
        {
            var c = shape.Criteria[i];
            var line = Alone.Criteria[i];
            if (!c.Mandatory || line.Met || mask == 0) continue;
            if (shape.RoleOf[i] is { } role && c.Kind != CriterionKind.CapacityAtLeast && (mask & shape.RoleMask(role)) != 0)
            {
                blocked |= mask & shape.RoleMask(role);
                mask &= ~shape.RoleMask(role);
                notFor.Add(Say.Format("not for {0}: {1}", role, line.Evidence));
            }
            else if (c.Kind == CriterionKind.LeadTimeAtMost && shape.Scopes[i] == CriterionScope.Consortium)
            {
                mask = 0;
                notFor.Add(Say.Format("no sought work: {0}", line.Evidence));
            }
        }
        return (mask, notFor, blocked);
    }

    /// <summary>
    /// The rules that hold member by member: every criterion that applies to every member; and when
    /// the work is not split into pieces, the role and lead-time rules too (everyone does the work).
    /// </summary>
    private string? RejectionReason(Shape shape)
    {
        for (var i = 0; i < shape.Criteria.Count; i++)
        {
            var c = shape.Criteria[i];
            var line = Alone.Criteria[i];
            if (!c.Mandatory || line.Met) continue;
            if (shape.Scopes[i] == CriterionScope.EveryMember)
                return Say.Format("{0}: {1} is required of every member ({2})", Facts.Name, line.Summary, line.Evidence);
            if (shape.EveryoneWorks && c.Kind == CriterionKind.LeadTimeAtMost && shape.Scopes[i] == CriterionScope.Consortium)
                return Say.Format("{0}: {1} is required of every member doing the work ({2})", Facts.Name, line.Summary, line.Evidence);
            // A role no piece of work makes up falls to every member (as when no member of a set does it).
            if (shape.RoleOf[i] is { } role && shape.RoleMask(role) == 0 && c.Kind != CriterionKind.CapacityAtLeast)
                return Say.Format("{0}: {1} is required of every member, since no piece of work makes up {2} ({3})", Facts.Name, line.Summary, role, line.Evidence);
        }
        return null;
    }
}
