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
            var covering = assessed.Where(a => a.Member.Criteria.Contains(i)).ToList();
            var (score, met, evidence) = covering.Count == 0
                ? (0, false, $"no member's work covers {Label(i)}")
                : c.Kind switch
                {
                    CriterionKind.CapacityAtLeast => Capacity(c, i, covering),
                    CriterionKind.CertificationHeld => Certificate(c, i, covering, today),
                    CriterionKind.CapabilityFit => Capability(scorer.Readers[i], i, covering),
                    _ => Weakest(i, covering),
                };
            var weight = c.Mandatory ? 0 : c.Weight ?? 0;
            anyWeighted |= weight > 0;
            lines.Add(new CriterionCoverage(i, c.Kind, c.Mandatory, weight, score, met, Math.Round(weight * score, 2), c.Summary(), evidence,
                covering.Select(a => a.Id).ToList()));
        }
        var mandatoryMet = lines.All(l => !l.Mandatory || l.Met);
        var total = anyWeighted ? Math.Round(lines.Sum(l => l.Weight * l.Score), 2) : mandatoryMet ? 100 : 0;
        return new ConsortiumCoverageResult(lines, mandatoryMet, total);
    }

    /// <summary>Criteria are shown to people as C1, C2, ... (their 0-based index plus one).</summary>
    public static string Label(int index) => $"C{index + 1}";

    private sealed record Assessed(CoverageMember Member, SupplierFacts Facts, MatchResult Alone, List<GroupCertificateFact> Groups)
    {
        public int Id => Member.Facts.OrganizationId;
        public string Name => Member.Facts.Name;
        public CriterionScore Line(int i) => Alone.Criteria[i];
    }

    private static string Who(Assessed a, int i) => $"{a.Name}, who does {Label(i)}";

    private static (double, bool, string) Weakest(int i, List<Assessed> covering)
    {
        var score = covering.Min(a => a.Line(i).Score);
        var met = covering.All(a => a.Line(i).Met);
        return (score, met, string.Join("; ", covering.Select(a => $"{Who(a, i)}: {a.Line(i).Evidence}")));
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
                parts.Add($"{standard} held by {Who(a, i)}{Until(validOwn.ValidUntil)}");
            else if (validGroup is not null)
                parts.Add($"{standard} held by {Who(a, i)}, through the group certificate of {validGroup.ClusterName}{Until(validGroup.ValidUntil)}");
            else if (groups.Count > 0)
                parts.Add($"{Who(a, i)}: no valid {standard} (the group certificate of {groups[0].ClusterName} expired on {groups.Max(g => g.ValidUntil):yyyy-MM-dd})");
            else
                parts.Add($"{Who(a, i)}: {a.Line(i).Evidence}");
        }
        // The scorer decides met and score with the group certificates in the facts; the words above only say whose certificate it is.
        var score = covering.Min(a => a.Line(i).Score);
        return (score, covering.All(a => a.Line(i).Met), string.Join("; ", parts));
    }

    private static (double, bool, string) Capacity(Criterion c, int i, List<Assessed> covering)
    {
        var unit = Scorer.Unit(c.Unit);
        var minimum = c.Minimum ?? 0;
        var stated = covering.Where(a => a.Facts.MonthlyCapacity is not null && Scorer.Unit(a.Facts.CapacityUnit) == unit).ToList();
        var elsewhere = covering.Except(stated).Select(a => a.Facts.MonthlyCapacity is null
            ? $"{Who(a, i)}: capacity not stated"
            : $"{Who(a, i)}: capacity stated in {a.Facts.CapacityUnit}, not {c.Unit}").ToList();
        if (stated.Count == 0) return (0, false, string.Join("; ", elsewhere));

        var sum = stated.Sum(a => a.Facts.MonthlyCapacity!.Value);
        var terms = string.Join(" + ", stated.Select(a => $"{a.Name} {Number(a.Facts.MonthlyCapacity!.Value)}"));
        var doers = string.Join(", ", stated.Select(a => a.Name));
        var text = $"{terms} = {Number(sum)} {c.Unit} a month (at least {Number(minimum)} sought), from {doers}, who do {Label(i)}";
        if (elsewhere.Count > 0) text += "; " + string.Join("; ", elsewhere);
        if (minimum <= 0 || sum >= minimum) return (1, true, text);
        return (Math.Round((double)(sum / minimum), 4), false, text);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Valid(DateOnly? until, DateOnly today) => until is null || until >= today;

    private static string Until(DateOnly? until) => until is { } d ? $" (valid to {d:yyyy-MM-dd})" : "";

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
