using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.IpListings;

internal sealed class IpListingConfiguration : IEntityTypeConfiguration<IpListing>
{
    public void Configure(EntityTypeBuilder<IpListing> b)
    {
        b.HasIndex(i => i.Key).IsUnique();
        b.HasIndex(i => new { i.OrganizationId, i.Status });
        b.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(i => i.Key).HasMaxLength(IpListingLimits.Key);
        b.Property(i => i.Title).HasMaxLength(IpListingLimits.Title);
        b.Property(i => i.Abstract).HasMaxLength(IpListingLimits.Abstract);
        b.Property(i => i.ApplicationNumber).HasMaxLength(IpListingLimits.Number);
        b.Property(i => i.GrantNumber).HasMaxLength(IpListingLimits.Number);
        b.Property(i => i.IndicativeTerms).HasMaxLength(IpListingLimits.Terms);
        b.Property(i => i.OfferedTerms).HasJsonObject();
        b.Property(i => i.Seeking).HasJsonObject();
        b.PrimitiveCollection(i => i.OfferTypes).ElementType().HasConversion<string>();
        b.HasOne(i => i.Organization).WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class IpListingLimits
{
    public const int Key = 80;
    public const int Title = 200;
    public const int Abstract = 4000;
    public const int Number = 60;
    public const int Terms = 1000;
}
