using GvcMatch.Documents;

namespace GvcMatch.Web.Features.Ndas;

/// <summary>
/// The signed record of an accepted NDA, the same PDF for both parties: the parties, the object, the
/// acceptance trail (who, when, from where, which template version), the SHA-256 of the text, and the
/// text itself. Anyone can recompute the hash from the text to check nothing was changed.
/// </summary>
public static class NdaRecord
{
    public static byte[] Pdf(Nda n) => RecordPdf.Write(
        $"NDA record #{n.Id}",
        [
            ("Disclosing party (owner)", n.OwnerOrganizationName),
            ("Receiving party", n.RecipientOrganizationName),
            ("About", $"{n.Subject switch { NdaSubject.Requirement => "Requirement", NdaSubject.IpListing => "IP listing", _ => "Conversation" }} #{n.SubjectId}: {n.SubjectTitle}"),
            ("Accepted by", n.AcceptedByName),
            ("Accepted at", $"{n.AcceptedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"),
            ("Accepted from address", n.AcceptedFromAddress),
            ("Template", $"{n.TemplateRef} version {n.TemplateVersion} ({n.Kind}, {n.Language})"),
            ("Valid until", $"{n.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"),
            ("Ended early", n.EndedAt is { } ended ? $"{ended.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "no"),
            ("SHA-256 of the text (UTF-8)", n.TextSha256),
        ],
        n.Text,
        footer: $"GvcMatch NDA record #{n.Id} · SHA-256 {n.TextSha256[..16]}…");
}
