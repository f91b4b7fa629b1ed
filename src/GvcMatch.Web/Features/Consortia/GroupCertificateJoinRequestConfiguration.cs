using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Consortia;

internal sealed class GroupCertificateJoinRequestConfiguration : IEntityTypeConfiguration<GroupCertificateJoinRequest>
{
    public void Configure(EntityTypeBuilder<GroupCertificateJoinRequest> b)
    {
        b.HasIndex(r => new { r.GroupCertificateId, r.OrganizationId }).IsUnique();
        b.HasIndex(r => r.OrganizationId);
        b.Property(r => r.RequestedByUserId).HasMaxLength(450);
        b.Property(r => r.Note).HasMaxLength(GroupCertificateLimits.Text);
        b.HasOne<GroupCertificate>().WithMany().HasForeignKey(r => r.GroupCertificateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
