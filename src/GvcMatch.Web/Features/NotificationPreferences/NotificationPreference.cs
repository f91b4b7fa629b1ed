using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.NotificationPreferences;

/// <summary>How a person wants the email for one kind of notification; the inbox entry is made whatever they choose.</summary>
public enum Delivery
{
    Immediately,
    DailyDigest,
    WeeklyDigest,
    Off,
}

/// <summary>A person's choice for one notification kind. No row means <see cref="Delivery.Immediately"/>.</summary>
public sealed class NotificationPreference
{
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public Delivery Delivery { get; set; }

    /// <summary>When the choice was made: a digest covers only what came after, so nothing emailed at once is repeated in it.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>The person's digest settings; one row per person who set any.</summary>
public sealed class NotificationSettings
{
    public required string UserId { get; set; }

    /// <summary>An IANA time zone id; digests go out after midnight there. Null: UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// The version of all the person's preferences (kinds and time zone), replaced on every save. A
    /// person who never saved has no row: their version is <see cref="Guid.Empty"/>.
    /// </summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasKey(p => new { p.UserId, p.Kind });
        // Found by the digest worker: everyone with a digest choice.
        b.HasIndex(p => p.Delivery);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.Kind).HasMaxLength(40);
        b.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Data.AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> b)
    {
        b.HasKey(s => s.UserId);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.TimeZone).HasMaxLength(64);
        b.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Data.AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
