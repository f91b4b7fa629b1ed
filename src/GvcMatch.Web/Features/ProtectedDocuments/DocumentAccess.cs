using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.ProtectedDocuments;

/// <summary>
/// Who may open a protected document, decided in one place for the list, the download and the pages.
/// The owner's members always (they need no NDA and no limit). Anyone else needs to see the object,
/// and then: the document not withdrawn or expired, their organisation not revoked, and either named by
/// the owner or holding a valid NDA for the object, with downloads left. Platform admins are no
/// exception: they are not party to the NDA, so they trace leaks by fingerprint but do not read.
/// </summary>
public sealed class DocumentAccess(AppDbContext db, NdaService ndas, TimeProvider clock)
{
    public async Task<Refusal?> CheckAsync(Actor? actor, ProtectedDocument doc, CancellationToken ct)
    {
        var subject = await NdaSubjects.FindAsync(db, doc.Subject, doc.SubjectId, ct);
        if (actor is null || subject is null || !subject.VisibleTo(actor)) return Refusal.NotFound("The document");
        if (actor.IsMemberOf(doc.OwnerOrganizationId)) return null;
        var now = clock.GetUtcNow();
        if (doc.RevokedAt is not null) return Refusal.Forbidden("The owner has withdrawn this document.");
        if (doc.ExpiresAt is { } expires && now >= expires) return Refusal.Forbidden("This document is no longer shared: its sharing period has ended.");
        if (actor.OrganizationId is not { } org) return Refusal.Forbidden("Join an organisation and accept the NDA to open this document.");
        var recipient = await db.DocumentRecipients.AsNoTracking().FirstOrDefaultAsync(r => r.DocumentId == doc.Id && r.OrganizationId == org, ct);
        if (recipient?.RevokedAt is not null) return Refusal.Forbidden("The owner has revoked your organisation's access to this document.");
        if (recipient?.Named != true && await ndas.HeldAsync(org, doc.Subject, doc.SubjectId, ct) is null)
            return await db.Ndas.AnyAsync(n => n.Subject == doc.Subject && n.SubjectId == doc.SubjectId && n.RecipientOrganizationId == org, ct)
                ? Refusal.Forbidden("Your organisation's NDA for this has expired or was ended.")
                : Refusal.Forbidden("Accept the NDA for this before opening its documents.");
        if (doc.MaxDownloads is { } max && await DownloadsAsync(doc.Id, org, ct) >= max)
            return Refusal.Forbidden($"Your organisation has used all {max} downloads of this document.");
        return null;
    }

    public Task<int> DownloadsAsync(int documentId, int organizationId, CancellationToken ct) =>
        db.DocumentDeliveries.CountAsync(d => d.DocumentId == documentId && d.OrganizationId == organizationId && d.Fingerprint != null, ct);
}
