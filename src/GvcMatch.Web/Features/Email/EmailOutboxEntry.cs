using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Email;

/// <summary>
/// One email waiting to go out, written in the same save as the notification it reports, so a
/// crash between the save and the send loses nothing: the sender finds the row on its next pass.
/// </summary>
public sealed class EmailOutboxEntry
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>
    /// When the row may next be tried. A sender that claims the row moves it into the future (a
    /// lease), so another instance skips it; null once the row was sent or given up.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}

internal sealed class EmailOutboxEntryConfiguration : IEntityTypeConfiguration<EmailOutboxEntry>
{
    public void Configure(EntityTypeBuilder<EmailOutboxEntry> b)
    {
        b.ToTable("EmailOutbox");
        b.HasIndex(e => e.NextAttemptAt);
        b.Property(e => e.To).HasMaxLength(256);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.TextBody).HasMaxLength(8000);
        b.Property(e => e.LastError).HasMaxLength(2000);
    }
}
