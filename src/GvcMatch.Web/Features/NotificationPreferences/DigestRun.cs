using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.NotificationPreferences;

public enum DigestPeriod
{
    Daily,
    Weekly,
}

/// <summary>
/// One digest, claimed: unique per person, period and first day (in the person's time zone). The
/// row and the digest's email are saved together, so when two app instances build the same digest
/// the second insert fails on the unique index and only the first email is stored.
/// </summary>
public sealed class DigestRun
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public DigestPeriod Period { get; set; }
    public DateOnly PeriodStart { get; set; }
    public int Notifications { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> b)
    {
        b.HasIndex(r => new { r.UserId, r.Period, r.PeriodStart }).IsUnique();
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.Period).HasConversion<string>().HasMaxLength(10);
        b.HasOne<Data.AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
