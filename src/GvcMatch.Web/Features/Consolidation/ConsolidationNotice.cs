using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;

namespace GvcMatch.Web.Features.Consolidation;

public enum NoticeStatus { Draft, Published }

/// <summary>Where computing the affected suppliers stands: the job runs in the background after publication.</summary>
public enum AffectedJobStatus { NotStarted, Queued, Running, Done }

public enum ConsolidationOutcome { Retained, NotRetained }

/// <summary>
/// A buyer's announcement that it will consolidate its suppliers in a category: why, by which
/// published criteria, and on which date. Once published the decision date may move later, never
/// earlier: the notice period is a promise to the suppliers.
/// </summary>
public sealed class ConsolidationNotice
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    public required string Title { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>The category: ISIC classes, HS headings, vocabulary concepts and a region (countries and region lists); any may be empty, not all.</summary>
    public List<string> IsicCodes { get; set; } = [];
    public List<string> HsCodes { get; set; } = [];
    public List<string> Concepts { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public List<string> Regions { get; set; } = [];

    public List<Criterion> Criteria { get; set; } = [];
    public DateOnly DecisionDate { get; set; }

    public NoticeStatus Status { get; set; }

    /// <summary>0 while a draft; 1 on publication, +1 per published change.</summary>
    public int Version { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Days from publication to the decision date, as first published (the period the buyer promised).</summary>
    public int? NoticeDays { get; set; }

    public AffectedJobStatus AffectedStatus { get; set; }
    public int AffectedProcessed { get; set; }
    public int AffectedTotal { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<ConsolidationNoticeVersion> Versions { get; set; } = [];
}

/// <summary>The notice as published at one point: its criteria and decision date never change silently.</summary>
public sealed class ConsolidationNoticeVersion
{
    public int Id { get; set; }
    public int NoticeId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string? ChangeNote { get; set; }
    public string Reason { get; set; } = "";
    public List<Criterion> Criteria { get; set; } = [];
    public DateOnly DecisionDate { get; set; }
}

/// <summary>
/// One of the buyer's awarded or agreed suppliers in the notice's category. Private to the buyer
/// and the supplier: the public notice never names them.
/// </summary>
public sealed class AffectedSupplier
{
    public int Id { get; set; }
    public int NoticeId { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    public double ScoreAtNotice { get; set; }
    public bool QualifiedAtNotice { get; set; }
    public DateTimeOffset NotifiedAt { get; set; }

    public ConsolidationOutcome? Outcome { get; set; }
    public string? OutcomeReason { get; set; }
    public double? ScoreAtDecision { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
