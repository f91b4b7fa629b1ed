using GvcMatch.Documents;
using GvcMatch.Web.Features.Localization;

namespace GvcMatch.Web.Features.Ndas;

/// <summary>
/// The signed record of an accepted NDA, the same PDF for both parties: the parties, the object, the
/// acceptance trail (who, when, from where, which template version), the SHA-256 of the text, and the
/// text itself. Anyone can recompute the hash from the text to check nothing was changed.
/// The record's own words (title, labels) are in the reader's language; the NDA's text stays exactly
/// as the parties accepted it, since that is what the hash covers.
/// </summary>
public static class NdaRecord
{
    public static byte[] Pdf(Nda n) => RecordPdf.Write(Content(n));

    /// <summary>The record in the current UI culture's language.</summary>
    public static RecordContent Content(Nda n) => new(
        MessageTexts.Format("NDA record #{0}", n.Id),
        [
            (MessageTexts.Format("Disclosing party (owner)"), n.OwnerOrganizationName),
            (MessageTexts.Format("Receiving party"), n.RecipientOrganizationName),
            (MessageTexts.Format("Concerning"), $"{MessageTexts.Format(n.Subject switch { NdaSubject.Requirement => "Requirement", NdaSubject.IpListing => "IP listing", _ => "Conversation" })} #{n.SubjectId}: {n.SubjectTitle}"),
            (MessageTexts.Format("Accepted by"), n.AcceptedByName),
            (MessageTexts.Format("Accepted at"), $"{n.AcceptedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"),
            (MessageTexts.Format("Accepted from address"), n.AcceptedFromAddress),
            (MessageTexts.Format("NDA template"), MessageTexts.Format("{0}, version {1} ({2}, language {3})", n.TemplateRef, n.TemplateVersion, MessageTexts.Format(n.Kind == NdaKind.Mutual ? "Mutual" : "One-way"), n.Language)),
            (MessageTexts.Format("Valid until"), $"{n.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"),
            (MessageTexts.Format("Ended early"), n.EndedAt is { } ended ? $"{ended.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : MessageTexts.Format("not ended")),
            (MessageTexts.Format("SHA-256 of the text (UTF-8)"), n.TextSha256),
        ],
        n.Text,
        MessageTexts.Format("GvcMatch NDA record #{0} · SHA-256 {1}…", n.Id, n.TextSha256[..16]));
}
