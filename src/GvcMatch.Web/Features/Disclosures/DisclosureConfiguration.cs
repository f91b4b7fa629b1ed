using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Disclosures;

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> b)
    {
        // An organisation's disclosures are read together (its profile, its search document), by topic and year.
        b.HasIndex(d => new { d.OrganizationId, d.Topic, d.Year });
        b.HasOne(d => d.Organization).WithMany(o => o.Disclosures).HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.Method).HasMaxLength(DisclosureLimits.Text);
        b.Property(d => d.Scheme).HasMaxLength(DisclosureLimits.Text);
        b.Property(d => d.Medal).HasMaxLength(20);
        b.Property(d => d.DocumentKey).HasMaxLength(200);
        b.Property(d => d.DocumentName).HasMaxLength(200);
        b.Property(d => d.DocumentContentType).HasMaxLength(100);
        b.Property(d => d.DocumentSha256).HasMaxLength(64);
        b.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(d => d.Measure);
    }
}

public static class DisclosureLimits
{
    public const int Text = 100;

    /// <summary>Larger figures are typing errors (a hundred million tonnes, MWh or m³ a year is a whole country's).</summary>
    public const decimal MaxFigure = 100_000_000m;

    /// <summary>The first reporting year accepted.</summary>
    public const int FirstYear = 2000;
}
