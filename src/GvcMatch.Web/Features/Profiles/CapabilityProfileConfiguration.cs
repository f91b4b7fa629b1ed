using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Profiles;

internal sealed class CapabilityProfileConfiguration : IEntityTypeConfiguration<CapabilityProfile>
{
    public void Configure(EntityTypeBuilder<CapabilityProfile> b)
    {
        b.HasIndex(p => p.OrganizationId).IsUnique();
        // Serves the rebuild's keyset pages (published profiles in organisation order) without a sort.
        b.HasIndex(p => new { p.Status, p.OrganizationId });
        b.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(p => p.Summary).HasMaxLength(ProfileLimits.Summary);
        b.Property(p => p.ContentLanguage).HasMaxLength(8);
        b.Property(p => p.CapacityUnit).HasMaxLength(ProfileLimits.Unit);
        b.Property(p => p.CapacityPeriod).HasConversion<string>().HasMaxLength(8);
        b.Property(p => p.MinimumOrderUnit).HasMaxLength(ProfileLimits.Unit);
        b.HasMany(p => p.Certifications).WithOne().HasForeignKey(c => c.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CertificationConfiguration : IEntityTypeConfiguration<Certification>
{
    public void Configure(EntityTypeBuilder<Certification> b)
    {
        b.HasIndex(c => c.Standard);
        b.Property(c => c.Standard).HasMaxLength(ProfileLimits.Short);
        b.Property(c => c.Scope).HasMaxLength(ProfileLimits.Short);
        b.Property(c => c.Evidence).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Issuer).HasMaxLength(ProfileLimits.Short);
        b.Property(c => c.Number).HasMaxLength(ProfileLimits.Short);
        b.Property(c => c.DocumentKey).HasMaxLength(64);
        b.Property(c => c.DocumentName).HasMaxLength(ProfileLimits.Short);
        b.Property(c => c.DocumentContentType).HasMaxLength(100);
        b.Property(c => c.DocumentSha256).HasMaxLength(64);
    }
}

/// <summary>Field limits shared by the database model, the API and the import.</summary>
public static class ProfileLimits
{
    public const int Summary = 4000;
    public const int Short = 200;
    public const int Code = 40;
    public const int Unit = 20;
    public const int ListItems = 50;
    public const int ListItem = 200;
    public const int Certifications = 30;
}
