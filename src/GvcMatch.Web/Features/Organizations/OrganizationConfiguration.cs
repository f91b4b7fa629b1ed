using GvcMatch.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.HasIndex(o => o.Key).IsUnique();
        b.HasIndex(o => new { o.Kind, o.Country });
        b.Property(o => o.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(o => o.Key).HasMaxLength(OrganizationLimits.Key);
        b.Property(o => o.Name).HasMaxLength(OrganizationLimits.Name);
        b.Property(o => o.Country).HasMaxLength(2);
        b.Property(o => o.City).HasMaxLength(OrganizationLimits.City);
        b.Property(o => o.Website).HasMaxLength(OrganizationLimits.Website);
        b.Property(o => o.Description).HasMaxLength(OrganizationLimits.Description);
        b.Property(o => o.VerifiedBy).HasMaxLength(256);
        b.Property(o => o.VerificationNote).HasMaxLength(OrganizationLimits.Note);
        b.HasOne(o => o.Profile).WithOne(p => p.Organization)
            .HasForeignKey<CapabilityProfile>(p => p.OrganizationId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Field limits shared by the database model, the API and the import.</summary>
public static class OrganizationLimits
{
    public const int Key = 80;
    public const int Name = 200;
    public const int City = 100;
    public const int Website = 300;
    public const int Description = 4000;
    public const int Note = 1000;
}
