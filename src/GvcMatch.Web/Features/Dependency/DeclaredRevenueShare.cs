using GvcMatch.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Dependency;

/// <summary>
/// One customer's part of an SME's revenue in one year, as the SME declares it: a share in percent
/// or an amount in a currency. The customer may be on the platform or not (then only its name).
/// Private to the SME: nothing but its own dependency warning reads it.
/// </summary>
public sealed class DeclaredRevenueShare
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int Year { get; set; }
    public required string CustomerName { get; set; }

    /// <summary>The customer's organisation when it is on the platform.</summary>
    public int? CustomerOrganizationId { get; set; }

    /// <summary>The share of the year's revenue in percent (0–100), or null when an amount is given.</summary>
    public decimal? SharePercent { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }
}

internal sealed class DeclaredRevenueShareConfiguration : IEntityTypeConfiguration<DeclaredRevenueShare>
{
    public void Configure(EntityTypeBuilder<DeclaredRevenueShare> b)
    {
        b.ToTable("DeclaredRevenueShares");
        b.HasIndex(s => new { s.OrganizationId, s.Year });
        b.Property(s => s.CustomerName).HasMaxLength(DeclaredShareLimits.Name);
        b.Property(s => s.SharePercent).HasPrecision(18, 4);
        b.Property(s => s.Amount).HasPrecision(18, 4);
        b.Property(s => s.Currency).HasMaxLength(3);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.CustomerOrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}

public static class DeclaredShareLimits
{
    public const int Name = 200;
    public const int Rows = 100;
}
