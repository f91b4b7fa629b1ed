using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Consortia;

internal sealed class ConsortiumConfiguration : IEntityTypeConfiguration<Consortium>
{
    public void Configure(EntityTypeBuilder<Consortium> b)
    {
        b.HasIndex(c => c.RequirementId);
        b.Property(c => c.Name).HasMaxLength(ConsortiumLimits.Name);
        b.Property(c => c.CreatedByUserId).HasMaxLength(450);
        b.HasOne<Requirements.Requirement>().WithMany().HasForeignKey(c => c.RequirementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(c => c.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.ConsortiumId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsortiumMemberConfiguration : IEntityTypeConfiguration<ConsortiumMember>
{
    public void Configure(EntityTypeBuilder<ConsortiumMember> b)
    {
        b.HasIndex(m => new { m.ConsortiumId, m.OrganizationId }).IsUnique();
        // "Consortia I am invited to or part of" is an SME's first question.
        b.HasIndex(m => m.OrganizationId);
        b.Property(m => m.Work).HasMaxLength(ConsortiumLimits.Work);
        b.Property(m => m.InvitedByUserId).HasMaxLength(450);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupCertificateConfiguration : IEntityTypeConfiguration<GroupCertificate>
{
    public void Configure(EntityTypeBuilder<GroupCertificate> b)
    {
        b.HasIndex(g => g.Standard);
        b.Property(g => g.Standard).HasMaxLength(Profiles.ProfileLimits.Code);
        b.Property(g => g.Issuer).HasMaxLength(Profiles.ProfileLimits.Short);
        b.Property(g => g.Number).HasMaxLength(Profiles.ProfileLimits.Short);
        b.Property(g => g.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(g => g.OpenCountry).HasMaxLength(2);
        b.Property(g => g.OpenScope).HasMaxLength(GroupCertificateLimits.Scope);
        b.Property(g => g.JoiningTakes).HasMaxLength(GroupCertificateLimits.Text);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(g => g.ClusterOrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
