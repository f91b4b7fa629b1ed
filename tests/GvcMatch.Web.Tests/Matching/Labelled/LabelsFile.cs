namespace GvcMatch.Web.Tests.Matching.Labelled;

/// <summary>
/// A <c>&lt;sector&gt;.labels.json</c> file: what is special about some suppliers, and a person's
/// grades per requirement. Read with the seeds reader's strict options, so a misspelt field fails
/// the data-integrity test instead of silently grading nothing.
/// </summary>
public sealed record LabelsFile
{
    /// <summary>Supplier key → its traits (<see cref="SupplierTraits"/>); suppliers without one need no entry.</summary>
    public Dictionary<string, List<string>> Traits { get; init; } = [];

    /// <summary>Requirement key → its judgment.</summary>
    public Dictionary<string, Judgment> Requirements { get; init; } = [];
}

/// <summary>
/// The grades of one requirement: 3 an obvious fit, 2 a good one, 1 marginal, 0 irrelevant or
/// disqualified. Suppliers left out count as 0. <see cref="FailMandatory"/> lists the suppliers
/// that fail one of its mandatory criteria (they are graded 0 and must never be ranked).
/// </summary>
public sealed record Judgment
{
    public Dictionary<string, int> Grades { get; init; } = [];
    public List<string> FailMandatory { get; init; } = [];
}

/// <summary>The five traits a supplier of the set may carry, and what each one tests.</summary>
public static class SupplierTraits
{
    /// <summary>Describes a sought process in other words (a synonym, an abbreviation, a trade name).</summary>
    public const string Paraphrase = "paraphrase";

    /// <summary>A profile written in Spanish or Japanese.</summary>
    public const string NonEnglish = "non-english";

    /// <summary>A tag list stuffed with popular process names that nothing else in the profile supports.</summary>
    public const string Stuffer = "stuffer";

    /// <summary>A strong fit that misses exactly one mandatory fact (location, capacity, a certificate).</summary>
    public const string NearMiss = "near-miss";

    /// <summary>Held the certificate a requirement asks for, but it has lapsed.</summary>
    public const string Expired = "expired";

    public static readonly IReadOnlyList<string> All = [Paraphrase, NonEnglish, Stuffer, NearMiss, Expired];
}
