using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Consolidation;

internal sealed class ConsolidationNoticeConfiguration : IEntityTypeConfiguration<ConsolidationNotice>
{
    public void Configure(EntityTypeBuilder<ConsolidationNotice> b)
    {
        b.HasIndex(n => n.OrganizationId);
        b.HasIndex(n => new { n.Status, n.DecisionDate });
        b.Property(n => n.Title).HasMaxLength(NoticeLimits.Title);
        b.Property(n => n.Reason).HasMaxLength(NoticeLimits.Reason);
        b.Property(n => n.IsicCodes).HasJsonList();
        b.Property(n => n.HsCodes).HasJsonList();
        b.Property(n => n.Concepts).HasJsonList();
        b.Property(n => n.Countries).HasJsonList();
        b.Property(n => n.Regions).HasJsonList();
        b.Property(n => n.Criteria).HasCriteriaJson();
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.AffectedStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne(n => n.Organization).WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(n => n.Versions).WithOne().HasForeignKey(v => v.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsolidationNoticeVersionConfiguration : IEntityTypeConfiguration<ConsolidationNoticeVersion>
{
    public void Configure(EntityTypeBuilder<ConsolidationNoticeVersion> b)
    {
        b.HasIndex(v => new { v.NoticeId, v.Number }).IsUnique();
        b.Property(v => v.ChangeNote).HasMaxLength(1000);
        b.Property(v => v.Reason).HasMaxLength(NoticeLimits.Reason);
        b.Property(v => v.Criteria).HasCriteriaJson();
    }
}

internal sealed class AffectedSupplierConfiguration : IEntityTypeConfiguration<AffectedSupplier>
{
    public void Configure(EntityTypeBuilder<AffectedSupplier> b)
    {
        b.HasIndex(a => new { a.NoticeId, a.OrganizationId }).IsUnique();
        b.HasIndex(a => a.OrganizationId);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.OutcomeReason).HasMaxLength(NoticeLimits.Reason);
        b.HasOne<ConsolidationNotice>().WithMany().HasForeignKey(a => a.NoticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class NoticeLimits
{
    public const int Title = 200;
    public const int Reason = 4000;
}
