using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;

namespace GvcMatch.Web.Features.Roadmaps;

public enum RoadmapItemKind { Product, Process }

/// <summary>Everyone, or only the buyer's supplier network (the SMEs it awarded or agreed with).</summary>
public enum RoadmapVisibility { Everyone, Network }

/// <summary>Withdrawn and Converted items stay readable to those who could see them: followers keep the history.</summary>
public enum RoadmapStatus { Draft, Published, Withdrawn, Converted }

/// <summary>
/// A future product or process a buyer shares ahead of sourcing it, with the capabilities,
/// materials and certificates it will need as the same criteria a requirement publishes. Criteria
/// never change silently once published: every published change is a version.
/// </summary>
public sealed class RoadmapItem
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public RoadmapItemKind Kind { get; set; }

    /// <summary>The timing, as a quarter of a year (quarter 1–4, or the whole year when null) or a date range; one of the two.</summary>
    public int? TimingYear { get; set; }
    public int? TimingQuarter { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    public List<string> IsicCodes { get; set; } = [];
    public List<string> HsCodes { get; set; } = [];
    public List<Criterion> Criteria { get; set; } = [];
    public RoadmapVisibility Visibility { get; set; }

    public RoadmapStatus Status { get; set; }

    /// <summary>0 while a draft; 1 on publication, +1 per published change.</summary>
    public int Version { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>The requirement the item became; the requirement finds its item back through this column.</summary>
    public int? RequirementId { get; set; }
    public DateTimeOffset? ConvertedAt { get; set; }

    /// <summary>When the interested SMEs' head start ends and the followers are told; null once they have been.</summary>
    public DateTimeOffset? FollowersDueAt { get; set; }
    public DateTimeOffset? FollowersToldAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<RoadmapItemVersion> Versions { get; set; } = [];
}

/// <summary>The item as published at one point: what followers read when its criteria changed.</summary>
public sealed class RoadmapItemVersion
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string? ChangeNote { get; set; }
    public string Title { get; set; } = "";
    public List<Criterion> Criteria { get; set; } = [];
}

/// <summary>An SME following one item: it hears when the item changes hands into a requirement.</summary>
public sealed class RoadmapItemFollow
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int OrganizationId { get; set; }
    public DateTimeOffset FollowedAt { get; set; }
}

/// <summary>An SME following a buyer's road-map: it hears of each new item it may see.</summary>
public sealed class RoadmapBuyerFollow
{
    public int Id { get; set; }
    public int BuyerId { get; set; }
    public int OrganizationId { get; set; }
    public DateTimeOffset FollowedAt { get; set; }
}

/// <summary>
/// An SME's answer to an item: a short note, the capabilities and capacity it would bring. Private
/// between the SME and the buyer. One per SME and item; answering again replaces it.
/// </summary>
public sealed class ExpressionOfInterest
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string Note { get; set; } = "";
    public List<string> Capabilities { get; set; } = [];
    public string? Capacity { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the SME was told the item became a requirement (ahead of the followers).</summary>
    public DateTimeOffset? ToldAt { get; set; }
}
