using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Events;

internal sealed class MatchmakingEventConfiguration : IEntityTypeConfiguration<MatchmakingEvent>
{
    public void Configure(EntityTypeBuilder<MatchmakingEvent> b)
    {
        b.ToTable("MatchmakingEvents");
        b.HasIndex(e => e.FirstDay);
        b.HasIndex(e => e.OrganizerOrganizationId);
        b.Property(e => e.Name).HasMaxLength(EventLimits.Name);
        b.Property(e => e.Description).HasMaxLength(EventLimits.Description);
        b.Property(e => e.Place).HasMaxLength(EventLimits.Place);
        b.Property(e => e.VideoLink).HasMaxLength(EventLimits.Url);
        b.Property(e => e.TimeZone).HasMaxLength(64);
        b.Property(e => e.Breaks).HasJsonList();
        b.Property(e => e.ScheduleError).HasMaxLength(2000);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(e => e.OrganizerOrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventParticipantConfiguration : IEntityTypeConfiguration<EventParticipant>
{
    public void Configure(EntityTypeBuilder<EventParticipant> b)
    {
        b.HasIndex(p => new { p.EventId, p.OrganizationId }).IsUnique();
        b.HasIndex(p => p.FeedToken).IsUnique();
        b.Property(p => p.FeedToken).HasMaxLength(64);
        b.Property(p => p.Availability).HasJsonList();
        b.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MatchmakingEvent>().WithMany().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventMeetingConfiguration : IEntityTypeConfiguration<EventMeeting>
{
    public void Configure(EntityTypeBuilder<EventMeeting> b)
    {
        b.HasIndex(m => new { m.EventId, m.Status });
        b.HasIndex(m => m.RequesterId);
        b.HasIndex(m => m.RecipientId);
        b.Property(m => m.Note).HasMaxLength(EventLimits.Note);
        b.Property(m => m.DeclineReason).HasMaxLength(EventLimits.Reason);
        b.Property(m => m.UnplacedReason).HasMaxLength(40);
        b.HasOne<MatchmakingEvent>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        // An organisation erased with its account takes its registrations and their meetings with it.
        b.HasOne<EventParticipant>().WithMany().HasForeignKey(m => m.RequesterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EventParticipant>().WithMany().HasForeignKey(m => m.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}
