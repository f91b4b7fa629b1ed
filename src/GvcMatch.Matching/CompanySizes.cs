namespace GvcMatch.Matching;

/// <summary>
/// Size bands by employee count, with the thresholds of the EU SME definition (Recommendation
/// 2003/361/EC, the same the OECD uses): Micro fewer than 10, Small fewer than 50, Medium fewer
/// than 250, Large 250 or more. A band is derived from the count when the count is known; a
/// profile that never stated its count keeps the band it chose.
/// </summary>
public static class CompanySizes
{
    /// <summary>The largest employee count accepted anywhere; it also closes the Large band (no company has more).</summary>
    public const int MaxEmployees = 10_000_000;

    public static readonly string[] Bands = ["Micro", "Small", "Medium", "Large"];

    public static string BandOf(int employees) => employees switch
    {
        < 10 => "Micro",
        < 50 => "Small",
        < 250 => "Medium",
        _ => "Large",
    };

    /// <summary>The employee counts a band stands for, both ends inclusive; null for a name that is no band.</summary>
    public static (int Min, int Max)? RangeOf(string? band) => band?.Trim().ToLowerInvariant() switch
    {
        "micro" => (0, 9),
        "small" => (10, 49),
        "medium" => (50, 249),
        "large" => (250, MaxEmployees),
        _ => null,
    };

    /// <summary>The band in force: derived from the count when it is known, otherwise the stated band.</summary>
    public static string BandOf(SupplierFacts s) => s.EmployeeCount is { } count ? BandOf(count) : s.SizeBand;

    /// <summary>"50–249 employees", "250 or more employees".</summary>
    public static string Words(int? min, int? max) => (min, max) switch
    {
        ({ } lo, { } hi) when lo == hi => $"{lo:#,0} employees",
        ({ } lo, { } hi) => $"{lo:#,0}–{hi:#,0} employees",
        ({ } lo, null) => $"{lo:#,0} or more employees",
        (null, { } hi) => $"at most {hi:#,0} employees",
        _ => "any number of employees",
    };

    private static string BandWords(string band) => RangeOf(band) is { } r
        ? $"size band {band} ({(r.Max >= MaxEmployees ? Words(r.Min, null) : Words(r.Min, r.Max))})"
        : $"size band {band}";

    /// <summary>
    /// An employee-count criterion. A known count is met when it lies in the range. An unknown count
    /// falls back to the stated band: met when the whole band lies in the range, not met when it
    /// only partly does (the supplier may be either side of the limit; it can state its count).
    /// </summary>
    public static (double, bool, string) Evaluate(int? min, int? max, SupplierFacts s)
    {
        var sought = Words(min, max);
        if (s.EmployeeCount is { } count)
        {
            var ok = (min is null || count >= min) && (max is null || count <= max);
            return ok ? (1, true, $"{count:#,0} employees") : (0, false, $"{count:#,0} employees, not {sought}");
        }
        if (RangeOf(s.SizeBand) is not { } band) return (0, false, "employee count not stated");
        var inside = (min is null || band.Min >= min) && (max is null || band.Max <= max);
        return inside
            ? (1, true, $"{BandWords(s.SizeBand)}, employee count not stated")
            : (0, false, $"{BandWords(s.SizeBand)} is not wholly within the {sought} sought; employee count not stated");
    }
}
