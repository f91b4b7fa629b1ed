using System.Globalization;

namespace GvcMatch.Matching;

/// <summary>
/// How a formed consortium meets a requirement. Each accepted member declares the criteria its
/// work covers. A criterion is met when at least one member covers it and EVERY covering member
/// meets it on its own facts, scored by <see cref="Scorer"/>; for a certificate that is a valid
/// own certificate or a valid group certificate of a cluster that lists the member. So a
/// certificate counts only for the work its holder does: a certified member cannot lend its
/// certificate to an uncertified member's part of the work. Capacity is the exception that adds
/// up: the covering members' monthly capacities are summed.
/// </summary>
public static class ConsortiumCoverage
{
    /// <summary>
    /// Evaluates the rule. Pass only ACCEPTED members. Criteria indexes a member names that the
    /// requirement does not have are ignored; a member listed twice counts once.
    /// </summary>
    /// <remarks>
    /// Sub-scores: capacity is the summed capacity over the minimum (capped at 1); a capability
    /// criterion scores the keywords the covering members offer together (each keyword as well
    /// as its best covering member offers it); every other kind scores its weakest covering member,
    /// since the consortium is only as good as the weakest part of the work.
    /// </remarks>
    public static ConsortiumCoverageResult Evaluate(
        IReadOnlyList<Criterion> criteria, IReadOnlyList<CoverageMember> members,
        IReadOnlyList<GroupCertificateFact> groupCertificates, DateOnly today, Understanding.MatchContext? context = null)
    {
        var scorer = Scorer.For(criteria, context);
        var seen = new HashSet<int>();
        var assessed = new List<Assessed>(members.Count);
        foreach (var m in members)
        {
            if (!seen.Add(m.Facts.OrganizationId)) continue;
            var groups = groupCertificates.Where(g => g.MemberOrganizationIds.Contains(m.Facts.OrganizationId)).ToList();
            // A group certificate enters the member's facts as its own, so the scorer's date rule applies to it unchanged.
            var read = Understanding.ProfileReading.Ensure(m.Facts, scorer.Context.Vocabulary);
            var facts = groups.Count == 0 ? read : read with
            {
                Certifications = [.. read.Certifications, .. groups.Select(g => new HeldCertificate(g.Standard, g.ValidUntil, g.Verified, g.ClusterName))],
            };
            assessed.Add(new Assessed(m, facts, scorer.Score(facts, today), groups));
        }

        var lines = new List<CriterionCoverage>(criteria.Count);
        var anyWeighted = false;
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            var scope = c.AppliedScope();
            var covering = AppliesTo(criteria, i, assessed);
            var (score, met, evidence) = covering.Count == 0
                ? (0, false, Say.Format("no member's work covers {0}", Label(i)))
                : c.Kind switch
                {
                    CriterionKind.CapacityAtLeast when scope != CriterionScope.EveryMember => Capacity(c, i, covering),
                    CriterionKind.CapabilityFit => Capability(scorer.Readers[i], i, covering),
                    // For the consortium as a whole one member's certificate, location or export experience is enough.
                    not CriterionKind.LeadTimeAtMost when scope == CriterionScope.Consortium => Strongest(i, covering),
                    CriterionKind.CertificationHeld => Certificate(c, i, covering, today),
                    _ => Weakest(i, covering),
                };
            if (scope == CriterionScope.EveryMember && c.Kind != CriterionKind.CapabilityFit) evidence = Say.Format("every member: {0}", evidence);
            else if (c.AppliedRole() is { } role) evidence = $"{role}: {evidence}";
            var weight = c.Mandatory ? 0 : c.Weight ?? 0;
            anyWeighted |= weight > 0;
            lines.Add(new CriterionCoverage(i, c.Kind, c.Mandatory, weight, score, met, Math.Round(weight * score, 2), c.Summary(), evidence,
                covering.Select(a => a.Id).ToList()));
        }
        var mandatoryMet = lines.All(l => !l.Mandatory || l.Met);
        var total = anyWeighted ? Math.Round(lines.Sum(l => l.Weight * l.Score), 2) : mandatoryMet ? 100 : 0;
        return new ConsortiumCoverageResult(lines, mandatoryMet, total);
    }

    /// <summary>
    /// The members a criterion applies to: every accepted member for an every-member criterion; the
    /// members whose declared work includes the criterion itself or a capability criterion making up
    /// the role, for a role criterion; otherwise the members whose work covers the criterion.
    /// </summary>
    private static List<Assessed> AppliesTo(IReadOnlyList<Criterion> criteria, int i, List<Assessed> assessed)
    {
        var c = criteria[i];
        var declared = assessed.Where(a => a.Member.Criteria.Contains(i)).ToList();
        if (c.Kind == CriterionKind.CapabilityFit) return declared;
        if (c.AppliedScope() == CriterionScope.EveryMember) return assessed;
        if (c.AppliedRole() is not { } role) return declared;
        var making = Enumerable.Range(0, criteria.Count).Where(j => criteria[j].Kind == CriterionKind.CapabilityFit
            && (string.Equals(criteria[j].Role?.Trim(), role, StringComparison.OrdinalIgnoreCase)
                || (criteria[j].Keywords ?? []).Any(k => string.Equals(k.Trim(), role, StringComparison.OrdinalIgnoreCase)))).ToHashSet();
        making.Add(i);
        return assessed.Where(a => a.Member.Criteria.Any(making.Contains)).ToList();
    }

    /// <summary>Criteria are shown to people as C1, C2, ... (their 0-based index plus one).</summary>
    public static string Label(int index) => $"C{index + 1}";

    private sealed record Assessed(CoverageMember Member, SupplierFacts Facts, MatchResult Alone, List<GroupCertificateFact> Groups)
    {
        public int Id => Member.Facts.OrganizationId;
        public string Name => Member.Facts.Name;
        public CriterionScore Line(int i) => Alone.Criteria[i];
    }

    private static string Who(Assessed a, int i) => Say.Format("{0}, who does {1}", a.Name, Label(i));

    private static string Own(Assessed a, int i) => $"{Who(a, i)}: {a.Line(i).Evidence}";

    private static (double, bool, string) Weakest(int i, List<Assessed> covering)
    {
        var score = covering.Min(a => a.Line(i).Score);
        var met = covering.All(a => a.Line(i).Met);
        return (score, met, Say.Clauses(covering.Select(a => Own(a, i))));
    }

    private static (double, bool, string) Strongest(int i, List<Assessed> covering)
    {
        var best = covering.MaxBy(a => a.Line(i).Score)!;
        var met = covering.Where(a => a.Line(i).Met).ToList();
        return (best.Line(i).Score, met.Count > 0, Say.Clauses((met.Count > 0 ? met : covering).Select(a => Own(a, i))));
    }

    private static (double, bool, string) Capability(Understanding.CapabilityReader? reader, int i, List<Assessed> covering)
    {
        var (_, met, evidence) = Weakest(i, covering);
        if (reader is null) return (0, false, evidence);
        // Each keyword as well as its best covering member offers it, by the scorer's own reading.
        var best = new double[reader.Keywords.Count];
        foreach (var a in covering)
        {
            var fits = reader.Assess(a.Facts);
            for (var k = 0; k < best.Length; k++) best[k] = Math.Max(best[k], fits[k].Score);
        }
        return (Math.Round(best.Average(), 4), met, evidence);
    }

    private static (double, bool, string) Certificate(Criterion c, int i, List<Assessed> covering, DateOnly today)
    {
        // "or equivalent": the words name the first accepted standard; the scorer's line decides.
        var accepted = Certifications.CertificationRequirement.From(c).Accepted;
        var standard = accepted.Count > 0 ? accepted[0].Standard : c.Standard ?? "";
        bool Named(string held) => accepted.Any(x => Same(x.Standard, held));
        var parts = new List<string>(covering.Count);
        foreach (var a in covering)
        {
            var own = a.Member.Facts.Certifications.Where(h => Named(h.Standard)).ToList();
            var groups = a.Groups.Where(g => Named(g.Standard)).ToList();
            var validOwn = own.Where(h => Valid(h.ValidUntil, today)).OrderByDescending(h => h.ValidUntil ?? DateOnly.MaxValue).FirstOrDefault();
            var validGroup = groups.Where(g => Valid(g.ValidUntil, today)).OrderByDescending(g => g.ValidUntil ?? DateOnly.MaxValue).FirstOrDefault();
            if (validOwn is not null)
                parts.Add(Say.Format("{0} held by {1}{2}", standard, Who(a, i), Until(validOwn.ValidUntil)));
            else if (validGroup is not null)
                parts.Add(Say.Format("{0} held by {1}, through the group certificate of {2}{3}", standard, Who(a, i), validGroup.ClusterName, Until(validGroup.ValidUntil)));
            else if (groups.Count > 0)
                parts.Add(Say.Format("{0}: no valid {1} (the group certificate of {2} expired on {3:yyyy-MM-dd})", Who(a, i), standard, groups[0].ClusterName, groups.Max(g => g.ValidUntil)));
            else
                parts.Add(Own(a, i));
        }
        // The scorer decides met and score with the group certificates in the facts; the words above only say whose certificate it is.
        var score = covering.Min(a => a.Line(i).Score);
        return (score, covering.All(a => a.Line(i).Met), Say.Clauses(parts));
    }

    private static (double, bool, string) Capacity(Criterion c, int i, List<Assessed> covering)
    {
        var minimum = c.Minimum ?? 0;
        // Summed only in one kind of unit, each converted to the criterion's unit and period (the scorer's conversion).
        var stated = covering.Select(a => (a, Amount: Scorer.CapacityIn(c, a.Facts, out var why), Why: why)).ToList();
        var counted = stated.Where(x => x.Amount is not null).ToList();
        var elsewhere = stated.Where(x => x.Amount is null).Select(x => x.a.Facts.MonthlyCapacity is null
            ? $"{Who(x.a, i)}: {Say.Text("capacity not stated")}"
            : $"{Who(x.a, i)}: {Say.Format("capacity {0} is {1}", Scorer.StatedCapacity(x.a.Facts), x.Why)}").ToList();
        if (counted.Count == 0) return (0, false, Say.Clauses(elsewhere));

        var sum = counted.Sum(x => x.Amount!.Value);
        var terms = string.Join(" + ", counted.Select(x => $"{x.a.Name} {Number(x.Amount!.Value)}"));
        var doers = Say.List(counted.Select(x => x.a.Name));
        var period = CapacityMeasure.PeriodWords(c.Period ?? CapacityPeriod.Month);
        var text = Say.Format("{0} = {1} {2} {3} (at least {4} sought), from {5}, who do {6}", terms, Number(sum), c.Unit, period, Number(minimum), doers, Label(i));
        if (elsewhere.Count > 0) text += Say.Text("; ") + Say.Clauses(elsewhere);
        if (minimum <= 0 || sum >= minimum) return (1, true, text);
        return (Math.Round((double)(sum / minimum), 4), false, text);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Valid(DateOnly? until, DateOnly today) => until is null || until >= today;

    private static string Until(DateOnly? until) => until is { } d ? Say.Format(" (valid to {0:yyyy-MM-dd})", d) : "";

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
