using GvcMatch.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>
/// A notice already sent about one certificate's expiry date, so each is sent once: the SME's
/// 90-, 30- and 0-day notices, and the buyers' "a required certificate lapsed". Keyed by the
/// expiry date too, so a renewed certificate (a new date) is announced again.
/// </summary>
public sealed class CertificateNotice
{
    public long Id { get; set; }
    public int CertificationId { get; set; }
    public required string Kind { get; set; }
    public DateOnly ValidUntil { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

internal sealed class CertificateNoticeConfiguration : IEntityTypeConfiguration<CertificateNotice>
{
    public void Configure(EntityTypeBuilder<CertificateNotice> b)
    {
        b.Property(n => n.Kind).HasMaxLength(20);
        b.HasIndex(n => new { n.CertificationId, n.Kind, n.ValidUntil }).IsUnique();
        b.HasOne<Certification>().WithMany().HasForeignKey(n => n.CertificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
