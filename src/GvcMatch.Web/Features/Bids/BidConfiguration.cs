using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Bids;

internal sealed class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Bid> b)
    {
        b.HasIndex(x => new { x.RequirementId, x.PartyKey }).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.Property(x => x.PartyKey).HasMaxLength(40);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.PriceBasis).HasMaxLength(100);
        b.Property(x => x.Incoterms).HasMaxLength(3);
        b.Property(x => x.Notes).HasMaxLength(BidLimits.Notes);
        b.Property(x => x.CreatedByUserId).HasMaxLength(450);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Requirements.Requirement>().WithMany().HasForeignKey(x => x.RequirementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Consortia.Consortium>().WithMany().HasForeignKey(x => x.ConsortiumId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.BidId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Subcontractors).WithOne().HasForeignKey(s => s.BidId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Documents).WithOne().HasForeignKey(d => d.BidId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BidAnswerConfiguration : IEntityTypeConfiguration<BidAnswer>
{
    public void Configure(EntityTypeBuilder<BidAnswer> b)
    {
        b.HasIndex(a => new { a.BidId, a.CriterionIndex }).IsUnique();
        b.Property(a => a.Value).HasMaxLength(BidLimits.Value);
        b.Property(a => a.Evidence).HasMaxLength(BidLimits.Evidence);
    }
}

internal sealed class BidSubcontractorConfiguration : IEntityTypeConfiguration<BidSubcontractor>
{
    public void Configure(EntityTypeBuilder<BidSubcontractor> b)
    {
        b.Property(s => s.Name).HasMaxLength(BidLimits.Name);
        b.Property(s => s.Country).HasMaxLength(2);
        b.Property(s => s.Work).HasMaxLength(BidLimits.Work);
    }
}

internal sealed class BidDocumentConfiguration : IEntityTypeConfiguration<BidDocument>
{
    public void Configure(EntityTypeBuilder<BidDocument> b)
    {
        b.Property(d => d.FileName).HasMaxLength(BidLimits.FileName);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.StoredName).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
    }
}
