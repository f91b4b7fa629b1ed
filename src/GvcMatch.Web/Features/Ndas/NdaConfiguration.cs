using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Ndas;

public static class NdaLimits
{
    public const int Ref = 40;
    public const int Name = 200;
    public const int Text = 20_000;
    public const int Purpose = 500;
    public const int Law = 120;
    public const int Address = 64;
    public const int MaxTermMonths = 120;

    /// <summary>Largest NDA file (PDF or DOCX) an organisation uploads as its own template.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;
}

internal sealed class NdaPolicyConfiguration : IEntityTypeConfiguration<NdaPolicy>
{
    public void Configure(EntityTypeBuilder<NdaPolicy> b)
    {
        b.ToTable("NdaPolicies");
        b.HasIndex(p => new { p.Subject, p.SubjectId }).IsUnique();
        b.Property(p => p.TemplateRef).HasMaxLength(NdaLimits.Ref);
        b.Property(p => p.Purpose).HasMaxLength(NdaLimits.Purpose);
        b.Property(p => p.GoverningLaw).HasMaxLength(NdaLimits.Law);
        b.Property(p => p.Jurisdiction).HasMaxLength(NdaLimits.Law);
    }
}

internal sealed class NdaConfiguration : IEntityTypeConfiguration<Nda>
{
    public void Configure(EntityTypeBuilder<Nda> b)
    {
        b.ToTable("Ndas");
        b.HasIndex(n => new { n.Subject, n.SubjectId, n.RecipientOrganizationId });
        b.HasIndex(n => n.OwnerOrganizationId);
        b.HasIndex(n => n.RecipientOrganizationId);
        b.Property(n => n.SubjectTitle).HasMaxLength(NdaLimits.Name);
        b.Property(n => n.OwnerOrganizationName).HasMaxLength(NdaLimits.Name);
        b.Property(n => n.RecipientOrganizationName).HasMaxLength(NdaLimits.Name);
        b.Property(n => n.AcceptedByUserId).HasMaxLength(450);
        b.Property(n => n.AcceptedByName).HasMaxLength(NdaLimits.Name);
        b.Property(n => n.AcceptedFromAddress).HasMaxLength(NdaLimits.Address);
        b.Property(n => n.TemplateRef).HasMaxLength(NdaLimits.Ref);
        b.Property(n => n.TemplateVersion).HasMaxLength(NdaLimits.Ref);
        b.Property(n => n.Language).HasMaxLength(8);
        b.Property(n => n.Text).HasMaxLength(NdaLimits.Text + 4_000);
        b.Property(n => n.TextSha256).HasMaxLength(64);
    }
}

internal sealed class NdaTemplateConfiguration : IEntityTypeConfiguration<NdaTemplate>
{
    public void Configure(EntityTypeBuilder<NdaTemplate> b)
    {
        b.ToTable("NdaTemplates");
        b.HasIndex(t => t.OrganizationId);
        b.Property(t => t.Name).HasMaxLength(NdaLimits.Name);
        b.Property(t => t.Language).HasMaxLength(8);
        b.Property(t => t.Text).HasMaxLength(NdaLimits.Text);
        b.Property(t => t.SourceFileName).HasMaxLength(NdaLimits.Name);
        b.Property(t => t.SourceContentType).HasMaxLength(100);
        b.Property(t => t.SourceStorageKey).HasMaxLength(32);
        b.Property(t => t.SourceProtectedKey).HasMaxLength(1000);
    }
}

/// <summary>The deal-room tables, reached through the context without widening it for every feature.</summary>
public static class NdaSets
{
    extension(Data.AppDbContext db)
    {
        public DbSet<NdaPolicy> NdaPolicies => db.Set<NdaPolicy>();
        public DbSet<Nda> Ndas => db.Set<Nda>();
        public DbSet<NdaTemplate> NdaTemplates => db.Set<NdaTemplate>();
    }
}
