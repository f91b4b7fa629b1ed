using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Awards;

internal sealed class BidScoreConfiguration : IEntityTypeConfiguration<BidScore>
{
    public void Configure(EntityTypeBuilder<BidScore> b)
    {
        b.HasIndex(s => new { s.BidId, s.CriterionIndex }).IsUnique();
        b.Property(s => s.Reason).HasMaxLength(AwardLimits.Reason);
        b.Property(s => s.VerifiedFact).HasMaxLength(AwardLimits.Fact);
        b.Property(s => s.OverrideReason).HasMaxLength(AwardLimits.Reason);
        b.Property(s => s.ScoredByUserId).HasMaxLength(450);
        b.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Bids.Bid>().WithMany().HasForeignKey(s => s.BidId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> b)
    {
        // The guard against two concurrent awards: the second insert fails on this index.
        b.HasIndex(a => new { a.RequirementId, a.LotNumber }).IsUnique();
        b.Property(a => a.Note).HasMaxLength(AwardLimits.Reason);
        b.Property(a => a.AwardedByUserId).HasMaxLength(450);
        b.HasOne<Requirements.Requirement>().WithMany().HasForeignKey(a => a.RequirementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Bids.Bid>().WithMany().HasForeignKey(a => a.BidId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.HasIndex(c => c.RequirementId);
        b.HasIndex(c => c.BidId);
        b.Property(c => c.Subject).HasMaxLength(AwardLimits.Subject);
        b.HasOne<Bids.Bid>().WithMany().HasForeignKey(c => c.BidId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintEntryConfiguration : IEntityTypeConfiguration<ComplaintEntry>
{
    public void Configure(EntityTypeBuilder<ComplaintEntry> b)
    {
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.Text).HasMaxLength(AwardLimits.Text);
    }
}

internal sealed class OutcomeRecordConfiguration : IEntityTypeConfiguration<OutcomeRecord>
{
    public void Configure(EntityTypeBuilder<OutcomeRecord> b)
    {
        b.HasIndex(o => new { o.RequirementId, o.LotNumber }).IsUnique();
        b.HasIndex(o => o.BuyerOrganizationId);
        b.Property(o => o.Currency).HasMaxLength(3);
    }
}
