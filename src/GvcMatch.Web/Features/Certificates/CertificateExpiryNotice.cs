using System.Security.Cryptography;
using System.Text;
using GvcMatch.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>
/// The claim that one expiry notice went out: for one certificate and valid-until date, one
/// threshold, one receiving organisation. Written in the same transaction as the notification; the
/// unique index lets exactly one app instance (or one pass after a restart) win the claim.
/// </summary>
public sealed class CertificateExpiryNotice
{
    /// <summary>Days before valid-until of the notice to the SME.</summary>
    public static readonly IReadOnlyList<int> Thresholds = [90, 30, 0];

    /// <summary>The threshold of the buyers' notice: the day after valid-until, when the certificate no longer counts.</summary>
    public const int Lapsed = -1;

    public long Id { get; set; }
    public int ProfileId { get; set; }

    /// <summary>
    /// The certificate as <see cref="KeyOf"/> names it. Not its row id: saving a profile writes its
    /// certificates afresh, and an unchanged certificate must not be announced again.
    /// </summary>
    public required string Certificate { get; set; }
    public DateOnly ValidUntil { get; set; }
    public int Threshold { get; set; }
    public int RecipientOrganizationId { get; set; }
    public DateTimeOffset SentAt { get; set; }

    /// <summary>Standard, scope and number, hashed to a fixed length for the unique index.</summary>
    public static string KeyOf(Certification c) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{c.Standard}\u001f{c.Scope}\u001f{c.Number}")));
}

internal sealed class CertificateExpiryNoticeConfiguration : IEntityTypeConfiguration<CertificateExpiryNotice>
{
    public void Configure(EntityTypeBuilder<CertificateExpiryNotice> b)
    {
        b.Property(n => n.Certificate).HasMaxLength(64);
        b.HasIndex(n => new { n.ProfileId, n.Certificate, n.ValidUntil, n.Threshold, n.RecipientOrganizationId }).IsUnique();
        b.HasOne<CapabilityProfile>().WithMany().HasForeignKey(n => n.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
