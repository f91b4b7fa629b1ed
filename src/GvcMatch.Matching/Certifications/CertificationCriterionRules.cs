namespace GvcMatch.Matching.Certifications;

/// <summary>
/// The checks of a certification criterion's parameters. Any standard name is accepted (an unknown
/// one is matched by its exact name and queued for an admin to map); a standard the registry knows
/// must be asked for with a scope or class it is really issued for.
/// </summary>
public static class CertificationCriterionRules
{
    public const int MaxStandardLength = 200;

    public static void Validate(Criterion c, string at, Action<string, string> add, CertificationRegistry? registry = null)
    {
        registry ??= CertificationRegistry.Default;
        if (c.MinimumEvidence is { } level && !Enum.IsDefined(level)) add($"{at}.minimumEvidence", "Unknown evidence level.");
        if (c.AnyOf is { Count: > 0 } list)
        {
            if (!string.IsNullOrWhiteSpace(c.Standard) || !string.IsNullOrWhiteSpace(c.Scope))
                add($"{at}.standard", "Give either one standard (standard, scope) or a list of equivalents (anyOf), not both.");
            if (list.Count > CertificationRequirement.MaxEquivalents)
            {
                add($"{at}.anyOf", $"At most {CertificationRequirement.MaxEquivalents} equivalent standards; this lists {list.Count}.");
                return;
            }
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is null) add($"{at}.anyOf[{i}]", "An accepted standard cannot be null.");
                else Check(list[i].Standard, list[i].Scope, $"{at}.anyOf[{i}]", add, registry);
            }
            return;
        }
        if (string.IsNullOrWhiteSpace(c.Standard)) add($"{at}.standard", "Name the certification standard (or list equivalents in anyOf).");
        else Check(c.Standard, c.Scope, at, add, registry);
    }

    /// <summary>One standard and its optional scope; errors under <c>{at}.standard</c> and <c>{at}.scope</c>.</summary>
    public static void Check(string? standard, string? scope, string at, Action<string, string> add, CertificationRegistry registry)
    {
        if (string.IsNullOrWhiteSpace(standard)) { add($"{at}.standard", "Name the certification standard."); return; }
        if (standard.Trim().Length > MaxStandardLength) { add($"{at}.standard", $"At most {MaxStandardLength} characters."); return; }
        if (scope is { Length: > MaxStandardLength }) { add($"{at}.scope", $"At most {MaxStandardLength} characters."); return; }
        if (string.IsNullOrWhiteSpace(scope) || registry.Resolve(standard) is not { } known) return;
        if (ScopeProblem(known, scope) is { } problem) add($"{at}.scope", problem);
    }

    /// <summary>Why a scope cannot be asked for or held under a known standard, or null when it can.</summary>
    public static string? ScopeProblem(ResolvedStandard known, string scope)
    {
        var s = known.Standard;
        if (s.Scopes is not { } set) return $"{s.Code} is not issued for scopes or classes; leave the scope empty.";
        if (CertificationRegistry.FindScope(s, scope) is { } value)
        {
            // "FSC CoC" already names a scope; a second, different one cannot hold at once.
            if (known.Scope is { } named && !string.Equals(named, value.Code, StringComparison.OrdinalIgnoreCase))
                return $"'{s.Code}' with {set.Describe(named)} cannot also be {set.Describe(value.Code)}.";
            return null;
        }
        return set.IsScale
            ? $"{s.Code} {set.Label} '{scope}' cannot hold: {s.Code} runs from {set.Range()}."
            : $"{s.Code} is not issued for '{scope}'. Its {set.Label} values are: {set.Range()}.";
    }
}
