using GvcMatch.Matching.Disclosures;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Disclosures;

/// <summary>
/// A disclosure as the API, the page and the import send it. Only the fields of its topic are
/// read; the others are dropped, so a form that keeps every field filled cannot store stray figures.
/// </summary>
public sealed record DisclosureInput
{
    public DisclosureTopic? Topic { get; init; }
    public int? Year { get; init; }
    public decimal? Scope1 { get; init; }
    public decimal? Scope2 { get; init; }
    public decimal? Scope3 { get; init; }
    public string? Method { get; init; }
    public decimal? EnergyMwh { get; init; }
    public decimal? RenewableSharePercent { get; init; }
    public decimal? WaterCubicMetres { get; init; }
    public bool? HasPolicy { get; init; }
    public DateOnly? PolicyDate { get; init; }
    public bool? CoversSuppliers { get; init; }
    public string? Scheme { get; init; }
    public decimal? Score { get; init; }
    public string? Medal { get; init; }

    /// <summary>Errors keyed by field: required figures, no negative numbers, shares and scores up to 100, no future year or date.</summary>
    public void Validate(Errors errors, DateOnly today)
    {
        if (Topic is not { } topic || !Enum.IsDefined(topic))
        {
            errors.Add("topic", $"Give the topic: {string.Join(", ", Enum.GetNames<DisclosureTopic>())}.");
            return;
        }
        if (Year is not { } year) errors.Add("year", "Give the reporting year.");
        else if (year > today.Year) errors.Add("year", $"The reporting year cannot be in the future (after {today.Year}).");
        else if (year < DisclosureLimits.FirstYear) errors.Add("year", $"The reporting year is {DisclosureLimits.FirstYear} or later.");
        switch (topic)
        {
            case DisclosureTopic.CarbonFootprint:
                Figure(errors, "scope1", Scope1, required: true);
                Figure(errors, "scope2", Scope2, required: true);
                Figure(errors, "scope3", Scope3, required: false);
                errors.Required("method", Method, DisclosureLimits.Text);
                errors.SingleLine("method", Method);
                break;
            case DisclosureTopic.Energy:
                Figure(errors, "energyMwh", EnergyMwh, required: true);
                Percent(errors, "renewableSharePercent", RenewableSharePercent, required: true, "A renewable share");
                break;
            case DisclosureTopic.Water:
                Figure(errors, "waterCubicMetres", WaterCubicMetres, required: true);
                break;
            case DisclosureTopic.LabourPolicy:
                if (HasPolicy is null) errors.Add("hasPolicy", "Say whether there is a labour and human-rights policy.");
                if (PolicyDate is { } date && date > today) errors.Add("policyDate", "The policy date cannot be in the future.");
                break;
            case DisclosureTopic.ConflictMinerals:
                OneOf(errors, "scheme", Scheme, DisclosureTopics.MineralReports, required: true);
                break;
            case DisclosureTopic.Audit:
                OneOf(errors, "scheme", Scheme, DisclosureTopics.AuditSchemes, required: true);
                Percent(errors, "score", Score, required: false, "An audit score");
                OneOf(errors, "medal", Medal, DisclosureTopics.Medals, required: false);
                break;
        }
    }

    /// <summary>Copies the topic's fields (and only those) onto the stored disclosure.</summary>
    public void ApplyTo(Disclosure d)
    {
        var topic = Topic!.Value;
        d.Topic = topic;
        d.Year = Year!.Value;
        var carbon = topic == DisclosureTopic.CarbonFootprint;
        (d.Scope1, d.Scope2, d.Scope3, d.Method) = carbon ? (Scope1, Scope2, Scope3, Method?.Trim()) : (null, null, null, null);
        (d.EnergyMwh, d.RenewableSharePercent) = topic == DisclosureTopic.Energy ? (EnergyMwh, RenewableSharePercent) : (null, null);
        d.WaterCubicMetres = topic == DisclosureTopic.Water ? WaterCubicMetres : null;
        var policy = topic == DisclosureTopic.LabourPolicy;
        (d.HasPolicy, d.PolicyDate, d.CoversSuppliers) = policy ? (HasPolicy, PolicyDate, CoversSuppliers) : (null, null, null);
        d.Scheme = topic is DisclosureTopic.ConflictMinerals or DisclosureTopic.Audit ? Canonical(Scheme, topic == DisclosureTopic.Audit ? DisclosureTopics.AuditSchemes : DisclosureTopics.MineralReports) : null;
        (d.Score, d.Medal) = topic == DisclosureTopic.Audit ? (Score, Canonical(Medal, DisclosureTopics.Medals)) : (null, null);
    }

    /// <summary>The input a stored disclosure was made from (a page fills its form with it).</summary>
    public static DisclosureInput From(Disclosure d) => new()
    {
        Topic = d.Topic, Year = d.Year, Scope1 = d.Scope1, Scope2 = d.Scope2, Scope3 = d.Scope3, Method = d.Method,
        EnergyMwh = d.EnergyMwh, RenewableSharePercent = d.RenewableSharePercent, WaterCubicMetres = d.WaterCubicMetres,
        HasPolicy = d.HasPolicy, PolicyDate = d.PolicyDate, CoversSuppliers = d.CoversSuppliers, Scheme = d.Scheme, Score = d.Score, Medal = d.Medal,
    };

    private static void Figure(Errors errors, string field, decimal? value, bool required)
    {
        if (value is null) { if (required) errors.Add(field, "Give this figure."); }
        else if (value < 0) errors.Add(field, "A figure cannot be negative.");
        else if (value > DisclosureLimits.MaxFigure) errors.Add(field, $"At most {DisclosureLimits.MaxFigure:#,0}.");
    }

    private static void Percent(Errors errors, string field, decimal? value, bool required, string what)
    {
        if (value is null) { if (required) errors.Add(field, "Give this figure."); }
        else if (value is < 0 or > 100) errors.Add(field, $"{what} is 0 to 100.");
    }

    private static void OneOf(Errors errors, string field, string? value, IReadOnlyList<string> allowed, bool required)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) errors.Add(field, $"Give one of: {string.Join(", ", allowed)}."); }
        else if (Canonical(value, allowed) is null) errors.Add(field, $"Unknown value '{value.Trim()}'. Give one of: {string.Join(", ", allowed)}.");
    }

    private static string? Canonical(string? value, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
