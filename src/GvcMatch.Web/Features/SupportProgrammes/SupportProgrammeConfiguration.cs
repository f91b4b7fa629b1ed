using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.SupportProgrammes;

internal sealed class SupportProgrammeConfiguration : IEntityTypeConfiguration<SupportProgramme>
{
    public void Configure(EntityTypeBuilder<SupportProgramme> b)
    {
        b.HasIndex(p => p.SeedKey).IsUnique();
        // Gap plans look programmes up by kind and country.
        b.HasIndex(p => new { p.Kind, p.Country });
        b.HasIndex(p => p.OrganizationId);
        b.Property(p => p.SeedKey).HasMaxLength(80);
        b.Property(p => p.Name).HasMaxLength(ProgrammeLimits.Name);
        b.Property(p => p.Provider).HasMaxLength(ProgrammeLimits.Name);
        b.Property(p => p.Country).HasMaxLength(2);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Summary).HasMaxLength(ProgrammeLimits.Summary);
        b.Property(p => p.Eligibility).HasMaxLength(ProgrammeLimits.Eligibility);
        b.Property(p => p.SizeBands).HasJsonList();
        b.Property(p => p.Url).HasMaxLength(ProgrammeLimits.Url);
        b.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}

public static class ProgrammeLimits
{
    public const int Name = 200;
    public const int Summary = 2000;
    public const int Eligibility = 1000;
    public const int Url = 500;
}
