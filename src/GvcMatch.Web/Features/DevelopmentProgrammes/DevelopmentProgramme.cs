using System.Text.Json.Serialization;
using GvcMatch.Matching;

namespace GvcMatch.Web.Features.DevelopmentProgrammes;

/// <summary>
/// A supplier development programme a buyer or a verified intermediary runs: SMEs are enrolled, work
/// towards milestones, are mentored in a conversation, and their completion goes on their profile.
/// </summary>
public sealed class DevelopmentProgramme
{
    public int Id { get; set; }

    /// <summary>The organisation that runs it (an MNE or a verified intermediary).</summary>
    public int OrganizationId { get; set; }
    public required string Title { get; set; }
    public string Aim { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>The sector it develops suppliers for: ISIC classes and HS headings.</summary>
    public List<string> IsicCodes { get; set; } = [];
    public List<string> HsCodes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    public List<ProgrammeEnrolment> Enrolments { get; set; } = [];
    public List<ProgrammeMilestone> Milestones { get; set; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<EnrolmentStatus>))]
public enum EnrolmentStatus { Invited, Accepted, Declined }

/// <summary>An SME in a programme: invited by the runner, then accepted or declined by the SME; completed when the runner records it.</summary>
public sealed class ProgrammeEnrolment
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int OrganizationId { get; set; }
    public EnrolmentStatus Status { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>When the runner recorded the SME's completion: the line on its public page.</summary>
    public DateOnly? CompletedOn { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<MilestoneKind>))]
public enum MilestoneKind { Certificate, Capability, Capacity, Text }

/// <summary>
/// What an SME should reach. Certificates, capabilities and capacities are checked against the SME's
/// profile; a text milestone is marked done by the runner with a note (<see cref="MilestoneMark"/>).
/// </summary>
public sealed class ProgrammeMilestone
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }

    /// <summary>Set for a milestone of one SME; null for every enrolled SME.</summary>
    public int? EnrolmentId { get; set; }
    public MilestoneKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly? Due { get; set; }

    /// <summary>Certificate: the registry standard and an optional scope.</summary>
    public string? Standard { get; set; }
    public string? Scope { get; set; }

    /// <summary>Capability: a vocabulary concept id.</summary>
    public string? ConceptId { get; set; }

    /// <summary>Capacity: at least this amount, in this unit, per this period.</summary>
    public decimal? Minimum { get; set; }
    public string? Unit { get; set; }
    public CapacityPeriod? Period { get; set; }
}

/// <summary>The runner's record that an SME reached a text milestone, with its note.</summary>
public sealed class MilestoneMark
{
    public int Id { get; set; }
    public int MilestoneId { get; set; }
    public int EnrolmentId { get; set; }
    public required string Note { get; set; }
    public required string MarkedByUserId { get; set; }
    public DateTimeOffset MarkedAt { get; set; }
}
