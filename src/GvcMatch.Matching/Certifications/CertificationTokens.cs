namespace GvcMatch.Matching.Certifications;

/// <summary>
/// Keyword tokens that let a search index answer a certification criterion exactly, with a plain
/// "any of these terms" filter on both backends. A held certificate is indexed under every
/// (standard, scope, evidence) it satisfies: ISO 14644 class 5, document checked, is found by
/// "iso 14644|7@1" as well as "iso 14644|5" and "iso 14644". A criterion asks for one token per
/// accepted standard; the scorer then re-checks dates.
/// </summary>
public static class CertificationTokens
{
    /// <summary>The keyword field the tokens are indexed in.</summary>
    public const string Field = "certificationMatch";

    public static string Token(string standard, string? scope, EvidenceLevel minimum)
    {
        var token = standard.Trim().ToLowerInvariant();
        if (!string.IsNullOrWhiteSpace(scope)) token += "|" + scope.Trim().ToLowerInvariant();
        if (minimum > EvidenceLevel.SelfDeclared) token += "@" + (int)minimum;
        return token;
    }

    /// <summary>Every token a held certificate satisfies (expired ones should not be passed in).</summary>
    public static IEnumerable<string> ForHeld(HeldCertificate h, CertificationRegistry? registry = null)
    {
        registry ??= CertificationRegistry.Default;
        var scopes = new List<string?> { null };
        if (h.Scope is { Length: > 0 } scope)
        {
            var set = registry.Find(h.Standard)?.Scopes;
            if (set is { IsScale: true } && set.Rank(scope) is var rank and >= 0)
                scopes.AddRange(set.Values.Skip(rank).Select(v => v.Code));
            else scopes.Add(scope);
        }
        for (var level = EvidenceLevel.SelfDeclared; level <= h.Level; level++)
            foreach (var s in scopes) yield return Token(h.Standard, s, level);
    }
}
