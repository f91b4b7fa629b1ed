using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.ProtectedDocuments;

/// <summary>What a connected client is told when a document stops opening for its organisation: drop the open link.</summary>
/// <param name="Scope"><c>recipient</c> when the caller's organisation was revoked, <c>document</c> when the owner withdrew it for everyone.</param>
public sealed record DocumentRevokedEvent(int DocumentId, string Scope, string DownloadUrl);

/// <summary>
/// Tells the hub clients of the organisations a revocation affects, so pages drop the link at once rather
/// than on the next refused click. The download itself is refused either way: this is a courtesy, and a
/// client that was offline simply learns it from the next list or download.
/// </summary>
public sealed class RevocationNotice(AppDbContext db, IHubContext<NegotiationHub, INegotiationClient> hub)
{
    public const string RecipientScope = "recipient";
    public const string DocumentScope = "document";

    public Task RecipientRevokedAsync(ProtectedDocument doc, int organizationId, CancellationToken ct) =>
        SendAsync([organizationId], new DocumentRevokedEvent(doc.Id, RecipientScope, DownloadUrl(doc.Id)), ct);

    /// <summary>Everyone who could have the link open: organisations that downloaded it, were named, hold the NDA, or share the conversation.</summary>
    public async Task WithdrawnAsync(ProtectedDocument doc, CancellationToken ct)
    {
        var organisations = await db.DocumentDeliveries.Where(d => d.DocumentId == doc.Id && d.OrganizationId != null).Select(d => d.OrganizationId!.Value)
            .Union(db.DocumentRecipients.Where(r => r.DocumentId == doc.Id).Select(r => r.OrganizationId))
            .Union(db.Ndas.Where(n => n.Subject == doc.Subject && n.SubjectId == doc.SubjectId).Select(n => n.RecipientOrganizationId))
            .ToListAsync(ct);
        if (doc.Subject == NdaSubject.Conversation)
            organisations.AddRange(await db.Set<ConversationParty>().Where(p => p.ConversationId == doc.SubjectId).Select(p => p.OrganizationId).ToListAsync(ct));
        organisations.RemoveAll(o => o == doc.OwnerOrganizationId);
        await SendAsync(organisations.Distinct().ToList(), new DocumentRevokedEvent(doc.Id, DocumentScope, DownloadUrl(doc.Id)), ct);
    }

    private async Task SendAsync(List<int> organisations, DocumentRevokedEvent revoked, CancellationToken ct)
    {
        if (organisations.Count == 0) return;
        var people = await db.Users.Where(u => u.OrganizationId != null && organisations.Contains(u.OrganizationId.Value)).Select(u => u.Id).ToListAsync(ct);
        if (people.Count > 0) await hub.Clients.Users(people).DocumentRevoked(revoked);
    }

    private static string DownloadUrl(int documentId) => $"/api/protected-documents/{documentId}/download";
}
