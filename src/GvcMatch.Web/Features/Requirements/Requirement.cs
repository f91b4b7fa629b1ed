using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;

namespace GvcMatch.Web.Features.Requirements;

public enum RequirementStatus { Draft, Published, Closed, Awarded, Cancelled }

public enum QuantityPeriod { Once, Week, Month, Quarter, Year }

/// <summary>
/// What an MNE buyer seeks. The editable fields hold the current text; once published, every
/// change is also recorded as a <see cref="RequirementVersion"/> so responders can see exactly
/// what changed and when (criteria are never edited silently).
/// </summary>
public sealed class Requirement
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public List<string> IsicCodes { get; set; } = [];
    public List<string> HsCodes { get; set; } = [];
    public decimal? Quantity { get; set; }
    public string? QuantityUnit { get; set; }
    public QuantityPeriod? QuantityPeriod { get; set; }
    public string? DeliveryCountry { get; set; }
    public string? DeliveryCity { get; set; }
    public DateOnly? ResponseDeadline { get; set; }
    public DateOnly? ContractStart { get; set; }
    public int? ContractMonths { get; set; }
    public List<Criterion> Criteria { get; set; } = [];

    /// <summary>Parts bidders may bid for separately; empty when the requirement is one piece of work.</summary>
    public List<RequirementLot> Lots { get; set; } = [];

    public RequirementStatus Status { get; set; }
    public string? StatusReason { get; set; }

    /// <summary>0 while a draft; 1 on first publication, +1 per published change.</summary>
    public int Version { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<RequirementVersion> Versions { get; set; } = [];

    public bool IsVisibleToEveryone => Status is not RequirementStatus.Draft;

    /// <summary>
    /// The moment bids close: the end of <see cref="ResponseDeadline"/> in UTC (the start of the
    /// next day). A deadline is a calendar date to the buyer, and one instant for every bidder.
    /// </summary>
    public DateTimeOffset? BidsCloseAt => ResponseDeadline is { } d
        ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        : null;

    /// <summary>True once bids are closed (sealed bids may be opened); never true without a deadline.</summary>
    public bool DeadlinePassed(DateTimeOffset now) => BidsCloseAt is { } closes && now >= closes;
}

/// <summary>
/// One lot of a requirement. Lots are numbered from 1 and keep their number for the life of the
/// requirement; bids and awards name lots by number.
/// </summary>
public sealed record RequirementLot
{
    public int Number { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public decimal? Quantity { get; init; }
    public string? QuantityUnit { get; init; }
}

/// <summary>An immutable snapshot of a requirement as published at one point in time.</summary>
public sealed class RequirementVersion
{
    public int Id { get; set; }
    public int RequirementId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string? ChangeNote { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public DateOnly? ResponseDeadline { get; set; }
    public List<Criterion> Criteria { get; set; } = [];
    public List<RequirementLot> Lots { get; set; } = [];
}
