using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Roadmaps;

internal sealed class RoadmapItemConfiguration : IEntityTypeConfiguration<RoadmapItem>
{
    public void Configure(EntityTypeBuilder<RoadmapItem> b)
    {
        b.HasIndex(i => i.OrganizationId);
        b.HasIndex(i => new { i.Status, i.Visibility });
        b.HasIndex(i => i.RequirementId);
        b.Property(i => i.Title).HasMaxLength(RoadmapLimits.Title);
        b.Property(i => i.Description).HasMaxLength(RoadmapLimits.Description);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Visibility).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.IsicCodes).HasJsonList();
        b.Property(i => i.HsCodes).HasJsonList();
        b.Property(i => i.Criteria).HasCriteriaJson();
        b.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne(i => i.Organization).WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Requirement>().WithMany().HasForeignKey(i => i.RequirementId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoadmapItemVersionConfiguration : IEntityTypeConfiguration<RoadmapItemVersion>
{
    public void Configure(EntityTypeBuilder<RoadmapItemVersion> b)
    {
        b.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
        b.Property(v => v.Title).HasMaxLength(RoadmapLimits.Title);
        b.Property(v => v.ChangeNote).HasMaxLength(1000);
        b.Property(v => v.Criteria).HasCriteriaJson();
    }
}

internal sealed class RoadmapItemFollowConfiguration : IEntityTypeConfiguration<RoadmapItemFollow>
{
    public void Configure(EntityTypeBuilder<RoadmapItemFollow> b)
    {
        b.HasIndex(f => new { f.ItemId, f.OrganizationId }).IsUnique();
        b.HasIndex(f => f.OrganizationId);
        b.HasOne<RoadmapItem>().WithMany().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoadmapBuyerFollowConfiguration : IEntityTypeConfiguration<RoadmapBuyerFollow>
{
    public void Configure(EntityTypeBuilder<RoadmapBuyerFollow> b)
    {
        b.HasIndex(f => new { f.BuyerId, f.OrganizationId }).IsUnique();
        b.HasIndex(f => f.OrganizationId);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(f => f.BuyerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpressionOfInterestConfiguration : IEntityTypeConfiguration<ExpressionOfInterest>
{
    public void Configure(EntityTypeBuilder<ExpressionOfInterest> b)
    {
        b.HasIndex(e => new { e.ItemId, e.OrganizationId }).IsUnique();
        b.HasIndex(e => e.OrganizationId);
        b.Property(e => e.Note).HasMaxLength(RoadmapLimits.Note);
        b.Property(e => e.Capacity).HasMaxLength(200);
        b.Property(e => e.Capabilities).HasJsonList();
        b.HasOne<RoadmapItem>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Organization).WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class RoadmapLimits
{
    public const int Title = 200;
    public const int Description = 4000;
    public const int Note = 2000;
}
