using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Notifications;

/// <summary>An entry in a person's in-app inbox.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Kind).HasMaxLength(40);
        b.Property(n => n.Title).HasMaxLength(300);
        b.Property(n => n.Body).HasMaxLength(2000);
        b.Property(n => n.Link).HasMaxLength(500);
    }
}
