using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Disclosures;

namespace GvcMatch.Web.Features.Disclosures;

/// <param name="Current">The latest year of its topic (for audits and minerals reports, of its scheme): the one buyers' criteria read first.</param>
public sealed record DisclosureDto(int Id, DisclosureTopic Topic, int Year, decimal? Scope1, decimal? Scope2, decimal? Scope3, string? Method,
    decimal? EnergyMwh, decimal? RenewableSharePercent, decimal? WaterCubicMetres, bool? HasPolicy, DateOnly? PolicyDate, bool? CoversSuppliers,
    string? Scheme, decimal? Score, string? Medal, EvidenceLevel Evidence, string EvidenceText, bool DocumentAttached, string? DocumentUrl, string? DocumentName,
    bool Current, DateTimeOffset UpdatedAt)
{
    public static DisclosureDto From(Disclosure d, bool current = true) => new(d.Id, d.Topic, d.Year, d.Scope1, d.Scope2, d.Scope3, d.Method,
        d.EnergyMwh, d.RenewableSharePercent, d.WaterCubicMetres, d.HasPolicy, d.PolicyDate, d.CoversSuppliers, d.Scheme, d.Score, d.Medal,
        d.Evidence, DisclosureRequirement.Evidence(new DisclosedFact(d.Topic, d.Year, d.Evidence, d.DocumentKey is not null)),
        d.DocumentKey is not null, d.DocumentKey is null ? null : DisclosuresApi.DocumentUrl(d.OrganizationId, d.Id), d.DocumentName, current, d.UpdatedAt);

    /// <summary>A list with each topic's (and scheme's) latest year marked current.</summary>
    public static List<DisclosureDto> List(IReadOnlyList<Disclosure> ordered)
    {
        var latest = ordered.GroupBy(d => (d.Topic, d.Scheme)).Select(g => g.MaxBy(d => d.Year)!.Id).ToHashSet();
        return ordered.Select(d => From(d, latest.Contains(d.Id))).ToList();
    }
}

/// <summary>What a client needs to build a disclosure form or a criterion: the topics, which way each figure is bounded, and the short lists.</summary>
public sealed record DisclosureTopicDto(DisclosureTopic Topic, string Name, BoundDirection Bound, IReadOnlyList<string> Schemes);

public sealed record DisclosureReferenceDto(IReadOnlyList<DisclosureTopicDto> Topics, IReadOnlyList<string> Medals, int MaxAgeYears)
{
    public static DisclosureReferenceDto Build() => new(
        Enum.GetValues<DisclosureTopic>().Select(t => new DisclosureTopicDto(t, DisclosureTopics.Describe(t), DisclosureTopics.Bound(t),
            t switch { DisclosureTopic.Audit => DisclosureTopics.AuditSchemes, DisclosureTopic.ConflictMinerals => DisclosureTopics.MineralReports, _ => [] })).ToList(),
        DisclosureTopics.Medals, DisclosureRequirement.MaxAgeYears);
}
