using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.ProtectedDocuments;

internal sealed class ProtectedDocumentConfiguration : IEntityTypeConfiguration<ProtectedDocument>
{
    public void Configure(EntityTypeBuilder<ProtectedDocument> b)
    {
        b.ToTable("ProtectedDocuments");
        b.HasIndex(d => new { d.Subject, d.SubjectId });
        b.HasIndex(d => d.OwnerOrganizationId);
        b.Property(d => d.Title).HasMaxLength(200);
    }
}

internal sealed class ProtectedRevisionConfiguration : IEntityTypeConfiguration<ProtectedRevision>
{
    public void Configure(EntityTypeBuilder<ProtectedRevision> b)
    {
        b.ToTable("ProtectedRevisions");
        b.HasIndex(r => new { r.DocumentId, r.Number }).IsUnique();
        b.HasOne<ProtectedDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.FileName).HasMaxLength(200);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.Property(r => r.Sha256).HasMaxLength(64);
        b.Property(r => r.StorageKey).HasMaxLength(32);
        b.Property(r => r.ProtectedKey).HasMaxLength(1000);
        b.Property(r => r.UploadedByUserId).HasMaxLength(450);
    }
}

internal sealed class DocumentRecipientConfiguration : IEntityTypeConfiguration<DocumentRecipient>
{
    public void Configure(EntityTypeBuilder<DocumentRecipient> b)
    {
        b.ToTable("ProtectedDocumentRecipients");
        b.HasIndex(r => new { r.DocumentId, r.OrganizationId }).IsUnique();
        b.HasOne<ProtectedDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentDeliveryConfiguration : IEntityTypeConfiguration<DocumentDelivery>
{
    public void Configure(EntityTypeBuilder<DocumentDelivery> b)
    {
        b.ToTable("ProtectedDocumentDeliveries");
        b.HasIndex(d => new { d.DocumentId, d.At });
        // A fingerprint names one delivery: the lookup of a leaked copy must find exactly one.
        b.HasIndex(d => d.Fingerprint).IsUnique();
        b.HasOne<ProtectedDocument>().WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.UserId).HasMaxLength(450);
        b.Property(d => d.UserName).HasMaxLength(256);
        b.Property(d => d.OrganizationName).HasMaxLength(200);
        b.Property(d => d.Address).HasMaxLength(64);
        b.Property(d => d.Refusal).HasMaxLength(300);
    }
}

/// <summary>The protected-document tables, reached through the context without widening it for every feature.</summary>
public static class ProtectedDocumentSets
{
    extension(Data.AppDbContext db)
    {
        public DbSet<ProtectedDocument> ProtectedDocuments => db.Set<ProtectedDocument>();
        public DbSet<ProtectedRevision> ProtectedRevisions => db.Set<ProtectedRevision>();
        public DbSet<DocumentRecipient> DocumentRecipients => db.Set<DocumentRecipient>();
        public DbSet<DocumentDelivery> DocumentDeliveries => db.Set<DocumentDelivery>();
    }
}
