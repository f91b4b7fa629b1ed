using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Audit;

/// <summary>
/// One decision that changed who may do what or what was decided: a verification granted or
/// withdrawn, a member's role changed or a member removed, an account deleted or locked, a stolen
/// refresh token replayed, an import, an award, a cancellation, a debrief, a complaint's thread,
/// an index rebuild, a person's export of their own data. Rows
/// are only ever added; nothing in the app updates or deletes them. The actor's email and the
/// target's name are copied in, so an entry still reads correctly after either is renamed or deleted.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When, from the app's TimeProvider.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who: the acting user (null for the system, e.g. a CLI import).</summary>
    public string? ActorUserId { get; set; }
    public string? ActorEmail { get; set; }

    /// <summary>The organisation the actor acted for, when they belong to one.</summary>
    public int? ActorOrganizationId { get; set; }

    /// <summary>What: one of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>On what: a kind (<see cref="AuditTargets"/>) and an id, with a readable name.</summary>
    public required string TargetType { get; set; }
    public required string TargetId { get; set; }
    public string? TargetName { get; set; }

    /// <summary>The organisation the action concerns (the one verified, the one a member left), for filtering.</summary>
    public int? OrganizationId { get; set; }

    /// <summary>Why, in the actor's words (required for verification decisions).</summary>
    public string? Reason { get; set; }

    /// <summary>From where: the client address of the request, when there was one.</summary>
    public string? RemoteAddress { get; set; }
}

/// <summary>The actions the app records. Names are stable: filters and reports use them.</summary>
public static class AuditActions
{
    public const string VerificationGranted = "organization.verified";
    public const string VerificationWithdrawn = "organization.unverified";
    public const string MemberAdded = "member.added";
    public const string MemberRoleChanged = "member.role_changed";
    public const string MemberRemoved = "member.removed";
    public const string AccountDeleted = "account.deleted";
    public const string AccountLockedOut = "account.locked_out";
    public const string RefreshTokenReused = "token.refresh_reused";
    public const string ImportRun = "import.run";
    public const string ImportBatch = "import.batch";
    public const string AwardMade = "award.made";
    public const string RequirementCancelled = "requirement.cancelled";
    public const string DebriefSent = "debrief.sent";
    public const string ComplaintLodged = "complaint.lodged";
    public const string ComplaintPosted = "complaint.posted";
    public const string ComplaintClosed = "complaint.closed";
    public const string SearchRebuildStarted = "search.rebuild_started";
    public const string PersonalDataExported = "account.data_exported";
    public const string CertificateEvidence = "certificate.evidence";
    public const string CertificateMapping = "certificate.mapping";
    public const string ScoreOverridden = "score.verified_fact_overridden";
    public const string PaymentConfirmed = "payment.confirmed";
    public const string PaymentCorrected = "payment.corrected";
    public const string DisclosureEvidence = "disclosure.evidence";

    public static readonly IReadOnlyList<string> All =
    [
        VerificationGranted, VerificationWithdrawn, MemberAdded, MemberRoleChanged, MemberRemoved,
        AccountDeleted, AccountLockedOut, RefreshTokenReused, ImportRun, ImportBatch, AwardMade, RequirementCancelled,
        DebriefSent, ComplaintLodged, ComplaintPosted, ComplaintClosed, SearchRebuildStarted, PersonalDataExported,
        CertificateEvidence, CertificateMapping, ScoreOverridden, PaymentConfirmed, PaymentCorrected, DisclosureEvidence,
    ];
}

public static class AuditTargets
{
    public const string Organization = "organization";
    public const string User = "user";
    public const string TokenFamily = "token_family";
    public const string Import = "import";
    public const string Requirement = "requirement";
    public const string Bid = "bid";
    public const string Complaint = "complaint";
    public const string SearchIndex = "search_index";
    public const string Offer = "offer";
    public const string Award = "award";
}

public static class AuditLimits
{
    public const int Action = 60;
    public const int TargetType = 40;
    public const int TargetId = 450;
    public const int Name = 256;
    public const int Reason = 1000;
    public const int RemoteAddress = 64;
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Action, e.At });
        b.HasIndex(e => new { e.OrganizationId, e.At });
        b.HasIndex(e => new { e.ActorUserId, e.At });
        b.Property(e => e.ActorUserId).HasMaxLength(450);
        b.Property(e => e.ActorEmail).HasMaxLength(AuditLimits.Name);
        b.Property(e => e.Action).HasMaxLength(AuditLimits.Action);
        b.Property(e => e.TargetType).HasMaxLength(AuditLimits.TargetType);
        b.Property(e => e.TargetId).HasMaxLength(AuditLimits.TargetId);
        b.Property(e => e.TargetName).HasMaxLength(AuditLimits.Name);
        b.Property(e => e.Reason).HasMaxLength(AuditLimits.Reason);
        b.Property(e => e.RemoteAddress).HasMaxLength(AuditLimits.RemoteAddress);
    }
}
