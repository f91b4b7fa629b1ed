namespace GvcMatch.Matching.Certifications;

/// <summary>One standard a certification criterion accepts, with an optional scope (for a class scale: the least strict class accepted).</summary>
public sealed record AcceptedStandard(string Standard, string? Scope = null);

/// <summary>An accepted standard as the registry reads it: the canonical code (or the exact unknown name) and scope code.</summary>
public sealed record SoughtStandard(string Standard, CertificationStandard? Known, string? Scope)
{
    /// <summary>"NADCAP Chemical Processing", "ISO 14644 class 7 or stricter", "ISO 9001".</summary>
    public string Describe()
    {
        if (Scope is null) return Standard;
        if (Known?.Scopes is { } set) return set.IsScale && set.Rank(Scope) > 0 ? Say.Format("{0} {1} or stricter", Standard, set.Describe(Scope)) : $"{Standard} {set.Describe(Scope)}";
        return $"{Standard} ({Scope})";
    }

    public bool Names(HeldCertificate h) => string.Equals(h.Standard.Trim(), Standard, StringComparison.OrdinalIgnoreCase);

    public bool Covers(HeldCertificate h)
    {
        if (!Names(h)) return false;
        if (Scope is null) return true;
        if (Known?.Scopes is { } set) return set.Satisfies(h.Scope, Scope);
        return string.Equals(h.Scope?.Trim(), Scope, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// A certification criterion as every stage reads it (scorer, index filter, bid evaluation, import):
/// the accepted standards ("or equivalent") resolved through the registry, and the weakest evidence
/// accepted. A supplier meets it with one certificate that names an accepted standard, covers its
/// scope, is valid today and has been checked at least that far.
/// </summary>
public sealed class CertificationRequirement
{
    /// <summary>The most standards one criterion may accept as equivalent.</summary>
    public const int MaxEquivalents = 20;

    public required IReadOnlyList<SoughtStandard> Accepted { get; init; }
    public EvidenceLevel MinimumEvidence { get; init; }

    public static CertificationRequirement From(Criterion c, CertificationRegistry? registry = null)
    {
        registry ??= CertificationRegistry.Default;
        var accepted = c.AnyOf is { Count: > 0 } list ? list : c.Standard is { } s ? [new AcceptedStandard(s, c.Scope)] : [];
        return new CertificationRequirement
        {
            Accepted = accepted.Where(a => a is not null && !string.IsNullOrWhiteSpace(a.Standard)).Select(a => Read(a, registry)).ToList(),
            MinimumEvidence = c.MinimumEvidence ?? EvidenceLevel.SelfDeclared,
        };
    }

    /// <summary>A typed standard and scope in registry terms; an unknown name stays as typed.</summary>
    public static SoughtStandard Read(AcceptedStandard a, CertificationRegistry registry)
    {
        var resolved = registry.Resolve(a.Standard);
        if (resolved is null) return new(a.Standard.Trim(), null, string.IsNullOrWhiteSpace(a.Scope) ? null : a.Scope.Trim());
        var scope = string.IsNullOrWhiteSpace(a.Scope) ? resolved.Scope
            : CertificationRegistry.FindScope(resolved.Standard, a.Scope)?.Code ?? a.Scope.Trim();
        return new(resolved.Standard.Code, resolved.Standard, scope);
    }

    /// <summary>"Holds a valid FSSC 22000, BRCGS Food Safety or IFS Food certificate (document checked or stronger)".</summary>
    public string Summary()
    {
        var names = Accepted.Select(a => a.Describe()).ToList();
        var list = names.Count <= 1 ? names.FirstOrDefault() ?? "" : Say.List(names[..^1]) + Say.Text(" or ") + names[^1];
        var level = MinimumEvidence > EvidenceLevel.SelfDeclared ? Say.Format(" ({0} or stronger)", EvidenceLevels.Describe(MinimumEvidence)) : "";
        return Say.Format("Holds a valid {0} certificate{1}", list, level);
    }

    /// <summary>Score, met and the evidence line: "holds ISO 14644 class 7 (document checked, valid until 2027-03-01)".</summary>
    /// <remarks>Without <paramref name="explain"/> the evidence is left empty: ranking needs only whether it is met.</remarks>
    public (double Score, bool Met, string Evidence) Evaluate(IReadOnlyList<HeldCertificate> held, DateOnly today, bool explain = true)
    {
        // A loop, not a query: this runs for every candidate of every match.
        HeldCertificate? best = null;
        HeldCertificate? named = null, covering = null, expired = null, early = null;
        foreach (var h in held)
        {
            var sought = Accepted.FirstOrDefault(a => a.Names(h));
            if (sought is null) continue;
            named ??= h;
            if (!sought.Covers(h)) continue;
            if (h.ValidUntil is { } until && until < today)
            {
                if (expired is null || until > expired.ValidUntil) expired = h;
                continue;
            }
            if (h.ValidFrom is { } from && from > today) { early ??= h; continue; }
            covering ??= h;
            if (h.Level < MinimumEvidence) continue;
            // The longest-valid certificate is the evidence; one without an end date outranks all.
            if (best is null || (best.ValidUntil ?? DateOnly.MaxValue) < (h.ValidUntil ?? DateOnly.MaxValue)) best = h;
        }
        if (!explain) return best is not null ? (1, true, "") : (0, false, "");
        if (best is not null) return (1, true, Say.Format("holds {0}{1}", Describe(best), By(best)));
        if (covering is not null)
            return (0, false, Say.Format("holds {0}{1}; {2} or stronger is required", Describe(covering), By(covering), EvidenceLevels.Describe(MinimumEvidence)));
        if (early is not null) return (0, false, Say.Format("{0} is valid only from {1:yyyy-MM-dd}", Name(early), early.ValidFrom));
        if (expired is not null) return (0, false, Say.Format("{0} expired on {1:yyyy-MM-dd}", Name(expired), expired.ValidUntil));
        if (named is not null) return (0, false, Say.Format("holds {0}{1}, not {2}", Name(named), By(named), AnyOfAccepted()));
        return (0, false, Say.Format("no {0} certificate", AnyOfAccepted()));
    }

    /// <summary>The index tokens any one of which lets a supplier through this criterion's filter (see <see cref="CertificationTokens"/>).</summary>
    public IReadOnlyList<string> FilterTokens() =>
        Accepted.Select(a => CertificationTokens.Token(a.Standard, a.Scope, MinimumEvidence)).Distinct().ToList();

    /// <summary>"ISO 14644 class 7 (document checked, valid until 2027-03-01)".</summary>
    public static string Describe(HeldCertificate h)
    {
        var until = h.ValidUntil is { } d ? Say.Format("valid until {0:yyyy-MM-dd}", d) : Say.Text("no expiry date given");
        return $"{Name(h)} ({Say.List([EvidenceLevels.Describe(h.Level), until])})";
    }

    /// <summary>"NADCAP Non-Destructive Testing", "ISO 14644 class 8", "ISO 9001".</summary>
    public static string Name(HeldCertificate h)
    {
        if (h.Scope is not { Length: > 0 } scope) return h.Standard;
        var set = CertificationRegistry.Default.Find(h.Standard)?.Scopes;
        return set is null ? $"{h.Standard} ({scope})" : $"{h.Standard} {set.Describe(scope)}";
    }

    private static string By(HeldCertificate h) =>
        (h.HeldBy is { } member ? Say.Format(" (held by {0})", member) : "")
        // A buyer must be able to tell a cluster's certificate from the supplier's own.
        + (h.GroupOf is { } cluster ? Say.Format(" through the group certificate of {0}", cluster) : "");

    /// <summary>"ISO 9001 or ISO 14001": the accepted standards, any one of which would do.</summary>
    private string AnyOfAccepted() => string.Join(Say.Text(" or "), Accepted.Select(a => a.Describe()));
}
