using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Events;

/// <summary>One side's short feedback on a meeting it had: was it useful, is a follow-up planned, and a note.</summary>
public sealed class EventMeetingFeedback
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int ParticipantId { get; set; }
    public bool Useful { get; set; }
    public bool FollowUpPlanned { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset GivenAt { get; set; }
}

/// <summary>
/// A reminder, claimed: its key is unique (a meeting at one sequence, or a participant's day), and the
/// row is saved together with the notifications it sends. When two app instances find the same
/// reminder due, the second insert fails on the index and only the first sends. A moved meeting has
/// a higher sequence, hence a new key, and is reminded again at its new time.
/// </summary>
public sealed class EventReminder
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public required string Key { get; set; }
    public int Recipients { get; set; }
    public DateTimeOffset SentAt { get; set; }

    public static string ForMeeting(EventMeeting m) => $"meeting:{m.Id}:{m.Sequence}";

    public static string ForDay(int participantId, DateOnly day) => $"day:{participantId}:{day:yyyy-MM-dd}";
}

internal sealed class EventMeetingFeedbackConfiguration : IEntityTypeConfiguration<EventMeetingFeedback>
{
    public void Configure(EntityTypeBuilder<EventMeetingFeedback> b)
    {
        b.ToTable("EventMeetingFeedback");
        b.HasIndex(f => new { f.MeetingId, f.ParticipantId }).IsUnique();
        b.HasIndex(f => f.ParticipantId);
        b.Property(f => f.Note).HasMaxLength(EventLimits.Note);
        b.HasOne<EventMeeting>().WithMany().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EventParticipant>().WithMany().HasForeignKey(f => f.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventReminderConfiguration : IEntityTypeConfiguration<EventReminder>
{
    public void Configure(EntityTypeBuilder<EventReminder> b)
    {
        b.HasIndex(r => r.Key).IsUnique();
        b.HasIndex(r => r.EventId);
        b.Property(r => r.Key).HasMaxLength(80);
        b.HasOne<MatchmakingEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
