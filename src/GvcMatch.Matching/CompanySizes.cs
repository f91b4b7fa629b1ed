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
        ({ } lo, { } hi) when lo == hi => Say.Format("{0:#,0} employees", lo),
        ({ } lo, { } hi) => Say.Format("{0:#,0}–{1:#,0} employees", lo, hi),
        ({ } lo, null) => Say.Format("{0:#,0} or more employees", lo),
        (null, { } hi) => Say.Format("at most {0:#,0} employees", hi),
        _ => Say.Text("any number of employees"),
    };

    /// <summary>A band's name in the reader's language when it is spelled as one of <see cref="Bands"/>, else as given.</summary>
    public static string BandWord(string band) => Array.IndexOf(Bands, band) >= 0 ? Say.Text(band) : band;

    private static string BandWords(string band) => RangeOf(band) is { } r
        ? Say.Format("size band {0} ({1})", BandWord(band), r.Max >= MaxEmployees ? Words(r.Min, null) : Words(r.Min, r.Max))
        : Say.Format("size band {0}", BandWord(band));

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
            return ok ? (1, true, Say.Format("{0:#,0} employees", count)) : (0, false, Say.Format("{0:#,0} employees, not {1}", count, sought));
        }
        if (RangeOf(s.SizeBand) is not { } band) return (0, false, Say.Text("employee count not stated"));
        var inside = (min is null || band.Min >= min) && (max is null || band.Max <= max);
        return inside
            ? (1, true, Say.Format("{0}, employee count not stated", BandWords(s.SizeBand)))
            : (0, false, Say.Format("{0} is not wholly within the {1} sought; employee count not stated", BandWords(s.SizeBand), sought));
    }
}
