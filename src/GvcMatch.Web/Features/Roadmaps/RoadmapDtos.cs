using GvcMatch.Matching;
using GvcMatch.Web.Features.Matching;

namespace GvcMatch.Web.Features.Roadmaps;

/// <summary>An item as those who may see it read it; followers and interest counts only for the buyer.</summary>
public sealed record RoadmapItemDto(
    int Id, int BuyerId, string BuyerName, string Title, string Description, RoadmapItemKind Kind,
    int? TimingYear, int? TimingQuarter, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<string> IsicCodes, IReadOnlyList<string> HsCodes, IReadOnlyList<Criterion> Criteria, IReadOnlyList<string> CriteriaSummaries,
    RoadmapVisibility Visibility, RoadmapStatus Status, int Version, DateTimeOffset? PublishedAt, int? RequirementId)
{
    public static RoadmapItemDto From(RoadmapItem i) => new(
        i.Id, i.OrganizationId, i.Organization.Name, i.Title, i.Description, i.Kind, i.TimingYear, i.TimingQuarter, i.StartsOn, i.EndsOn,
        i.IsicCodes, i.HsCodes, i.Criteria, i.Criteria.Select(c => c.Summary()).ToList(), i.Visibility, i.Status, i.Version, i.PublishedAt,
        i.RequirementId);
}

/// <summary>An item the SME fits, with its score and the per-criterion explanation, and where its gap plan is.</summary>
public sealed record RoadmapFitDto(RoadmapItemDto Item, double Total, bool Qualified, string Headline, IReadOnlyList<CriterionScoreDto> Criteria, string GapPlan)
{
    public static RoadmapFitDto From(RoadmapFit f, int organizationId) => new(
        RoadmapItemDto.From(f.Item), f.Result.Total, f.Result.Qualified, f.Result.Headline(), f.Result.Criteria.Select(CriterionScoreDto.From).ToList(),
        $"/api/organizations/{organizationId}/gap-plans/roadmap-items/{f.Item.Id}");
}

/// <summary>An expression of interest as the buyer and the SME that sent it read it.</summary>
public sealed record InterestDto(int ItemId, int OrganizationId, string OrganizationName, string Note, IReadOnlyList<string> Capabilities, string? Capacity,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ToldAt)
{
    public static InterestDto From(ExpressionOfInterest e) => new(
        e.ItemId, e.OrganizationId, e.Organization.Name, e.Note, e.Capabilities, e.Capacity, e.CreatedAt, e.UpdatedAt, e.ToldAt);
}

/// <summary>What the SME follows: items and buyers.</summary>
public sealed record FollowingDto(IReadOnlyList<int> Items, IReadOnlyList<int> Buyers);

/// <summary>The requirement an item became, and the item a requirement came from.</summary>
public sealed record RoadmapLinkDto(int ItemId, string ItemTitle, int RequirementId, DateTimeOffset? ConvertedAt, DateTimeOffset? FollowersDueAt);
