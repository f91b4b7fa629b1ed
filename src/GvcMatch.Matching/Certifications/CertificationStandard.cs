namespace GvcMatch.Matching.Certifications;

/// <summary>One value a standard is issued for: a NADCAP commodity, an ISO 14644 class, an FSC scope.</summary>
public sealed record ScopeValue
{
    public required string Code { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>"Chemical Processing", or the code when the value has no name ("7").</summary>
    public string Shown => Name ?? Code;
}

/// <summary>
/// The scopes a standard is issued for. A <c>list</c> is a set of unrelated values (a NADCAP
/// Chemical Processing accreditation says nothing about NDT); a <c>scale</c> is ordered strictest
/// first, so a certificate of one class also satisfies every less strict class (ISO 14644 class 5
/// meets a class 7 requirement; IPC-A-610 class 3 meets class 2).
/// </summary>
public sealed record ScopeSet
{
    public required string Kind { get; init; }
    public required string Label { get; init; }
    public IReadOnlyList<string> Prefixes { get; init; } = [];
    public required IReadOnlyList<ScopeValue> Values { get; init; }

    public bool IsScale => Kind == "scale";

    /// <summary>Position on the scale, 0 for the strictest; -1 when the value is not in the set.</summary>
    public int Rank(string? code)
    {
        if (code is null) return -1;
        for (var i = 0; i < Values.Count; i++)
            if (string.Equals(Values[i].Code, code, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>Whether a certificate of scope <paramref name="held"/> satisfies a request for <paramref name="sought"/>.</summary>
    public bool Satisfies(string? held, string sought)
    {
        if (held is null) return false;
        if (!IsScale) return string.Equals(held, sought, StringComparison.OrdinalIgnoreCase);
        var h = Rank(held);
        var s = Rank(sought);
        return h >= 0 && s >= 0 && h <= s;
    }

    /// <summary>"class 7", "Chemical Processing": how explanations name a scope value.</summary>
    public string Describe(string code)
    {
        var value = Values.FirstOrDefault(v => string.Equals(v.Code, code, StringComparison.OrdinalIgnoreCase));
        if (value is null) return code;
        return IsScale && value.Name is null ? $"{Label} {value.Code}" : value.Shown;
    }

    /// <summary>"classes 1 (strictest) to 9": the range a value must come from, for error messages.</summary>
    public string Range() => IsScale
        ? $"{Label} {Values[0].Code} (strictest) to {Values[^1].Code}"
        : string.Join(", ", Values.Select(v => v.Code));
}

/// <summary>A standard of the certification registry (<c>seeds/reference/certifications</c>).</summary>
public sealed record CertificationStandard
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string Family { get; set; } = "";
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Versions { get; init; } = [];
    public ScopeSet? Scopes { get; init; }
}

/// <summary>What a typed standard name resolved to: the registry entry and, when the text named one, a scope value.</summary>
public sealed record ResolvedStandard(CertificationStandard Standard, string? Scope);
