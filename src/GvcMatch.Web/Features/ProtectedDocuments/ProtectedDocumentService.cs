using System.Security.Cryptography;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.ProtectedDocuments;

/// <summary>What an owner attaches: the file and its sharing limits.</summary>
public sealed record ProtectedUpload(string FileName, byte[] Content, string? Title, DateTimeOffset? ExpiresAt, int? MaxDownloads);

/// <summary>
/// The owner's side of protected documents: upload (checked, then encrypted), new revisions (the
/// recipients are told), withdrawal of the whole document, naming and revoking recipients, and the list
/// everyone who sees the object gets (with whether each document opens for them).
/// </summary>
public sealed class ProtectedDocumentService(
    AppDbContext db, EncryptedFileStore store, DocumentAccess access, IOptions<ProtectedDocumentOptions> options, Notifier notifier, RevocationNotice revocations, TimeProvider clock)
{
    public const string NotificationKind = "protected-document";

    public long MaxBytes => options.Value.MaxDocumentBytes;

    /// <summary>Settled before an upload is read: only the object's owner may attach, and a stranger learns nothing.</summary>
    public async Task<Outcome<SubjectInfo>> OwnSubjectAsync(Actor? actor, NdaSubject subject, int id, CancellationToken ct)
    {
        var found = await NdaSubjects.VisibleAsync(db, actor, subject, id, ct);
        if (found.Refusal is { } refused) return refused;
        // In a conversation every party shares its own files: the sender's organisation owns what it sends.
        if (subject == NdaSubject.Conversation) return await NdaSubjects.AsOwnerAsync(db, found.Value!, actor!, ct);
        return found.Value!.CanManage(actor!) is { } reason ? Refusal.Forbidden(reason) : found.Value;
    }

    /// <summary>The document, tracked, if the caller's organisation owns it; anyone else is told it does not exist.</summary>
    public async Task<Outcome<ProtectedDocument>> OwnDocumentAsync(Actor? actor, int documentId, CancellationToken ct)
    {
        var doc = await db.ProtectedDocuments.FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (doc is null || actor is null || !actor.IsMemberOf(doc.OwnerOrganizationId)) return Refusal.NotFound("The document");
        return doc;
    }

    public async Task<Outcome<ProtectedDocument>> UploadAsync(Actor? actor, NdaSubject subject, int id, ProtectedUpload upload, CancellationToken ct)
    {
        var own = await OwnSubjectAsync(actor, subject, id, ct);
        if (own.Refusal is { } refused) return refused;
        var now = clock.GetUtcNow();
        var errors = new Errors();
        errors.MaxLength("title", upload.Title, 200);
        if (upload.ExpiresAt is { } expires && expires <= now) errors.Add("expiresAt", "The sharing period must end in the future.");
        if (upload.MaxDownloads is not (null or (>= 1 and <= 10_000))) errors.Add("maxDownloads", "Allow 1 to 10,000 downloads per organisation, or leave it empty for no limit.");
        if (errors.Any) return Refusal.Invalid(errors);
        var doc = new ProtectedDocument
        {
            Subject = subject, SubjectId = id, OwnerOrganizationId = own.Value!.OwnerOrganizationId, Title = "",
            ExpiresAt = upload.ExpiresAt, MaxDownloads = upload.MaxDownloads, CreatedAt = now,
        };
        var stored = await StoreRevisionAsync(actor!, doc, upload, ct);
        return stored.Refusal is { } bad ? bad : doc;
    }

    /// <summary>A new revision replaces what recipients download; older ones stay for the log. Everyone who downloaded it, or may, is told.</summary>
    public async Task<Outcome<ProtectedDocument>> ReplaceAsync(Actor? actor, int documentId, ProtectedUpload upload, CancellationToken ct)
    {
        var found = await OwnDocumentAsync(actor, documentId, ct);
        if (found.Refusal is { } refused) return refused;
        var doc = found.Value!;
        if (doc.RevokedAt is not null) return Refusal.Conflict("The document was withdrawn; upload a new document instead.");
        var stored = await StoreRevisionAsync(actor!, doc, upload, ct);
        if (stored.Refusal is { } bad) return bad;
        var organisations = await db.DocumentDeliveries.Where(d => d.DocumentId == doc.Id && d.Fingerprint != null && d.OrganizationId != null && d.OrganizationId != doc.OwnerOrganizationId)
            .Select(d => d.OrganizationId!.Value)
            .Union(db.DocumentRecipients.Where(r => r.DocumentId == doc.Id && r.Named && r.RevokedAt == null).Select(r => r.OrganizationId))
            .ToListAsync(ct);
        var people = await db.Users.Where(u => u.OrganizationId != null && organisations.Contains(u.OrganizationId.Value)).Select(u => u.Id).ToListAsync(ct);
        var subject = await NdaSubjects.FindAsync(db, doc.Subject, doc.SubjectId, ct);
        await notifier.NotifyAsync(people, NotificationKind, $"New revision of {doc.Title}",
            $"Revision {doc.CurrentRevision} replaces the copy you downloaded of {doc.Title}.", subject?.PagePath, ct);
        return doc;
    }

    /// <summary>Withdraws the whole document: every recipient's link stops working at once.</summary>
    public async Task<Outcome<ProtectedDocument>> WithdrawAsync(Actor? actor, int documentId, CancellationToken ct)
    {
        var found = await OwnDocumentAsync(actor, documentId, ct);
        if (found.Refusal is { } refused) return refused;
        var first = found.Value!.RevokedAt is null;
        found.Value.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        if (first) await revocations.WithdrawnAsync(found.Value, ct);
        return found.Value;
    }

    /// <summary>Names an organisation as a recipient (it opens the document without an NDA), or revokes one (it no longer opens, NDA or not).</summary>
    public async Task<Outcome<ProtectedDocument>> SetRecipientAsync(Actor? actor, int documentId, int organizationId, bool allow, CancellationToken ct)
    {
        var found = await OwnDocumentAsync(actor, documentId, ct);
        if (found.Refusal is { } refused) return refused;
        if (organizationId == found.Value!.OwnerOrganizationId) return Refusal.Invalid("organizationId", "Your own organisation always opens its documents.");
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return Refusal.Invalid("organizationId", "No such organisation.");
        var row = await db.DocumentRecipients.FirstOrDefaultAsync(r => r.DocumentId == documentId && r.OrganizationId == organizationId, ct);
        if (row is null) db.DocumentRecipients.Add(row = new DocumentRecipient { DocumentId = documentId, OrganizationId = organizationId });
        row.Named = allow;
        row.RevokedAt = allow ? null : clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        if (!allow) await revocations.RecipientRevokedAsync(found.Value, organizationId, ct);
        return found.Value;
    }

    public async Task<Outcome<List<ProtectedDocumentDto>>> ListAsync(Actor? actor, NdaSubject subject, int id, CancellationToken ct)
    {
        var found = await NdaSubjects.VisibleAsync(db, actor, subject, id, ct);
        if (found.Refusal is { } refused) return refused;
        var docs = await db.ProtectedDocuments.AsNoTracking().Where(d => d.Subject == subject && d.SubjectId == id).OrderBy(d => d.Id).ToListAsync(ct);
        var list = new List<ProtectedDocumentDto>();
        foreach (var doc in docs)
        {
            // Recipients see what is shared now; the owner sees withdrawn documents too, for their logs.
            if (!actor!.IsMemberOf(doc.OwnerOrganizationId) && doc.RevokedAt is not null) continue;
            list.Add(await DescribeAsync(actor, doc, ct));
        }
        return list;
    }

    /// <summary>Removes a document nobody has seen yet (a retried send whose first upload already made one): its rows and its stored files.</summary>
    public async Task DiscardAsync(int documentId, CancellationToken ct)
    {
        var keys = await db.ProtectedRevisions.Where(r => r.DocumentId == documentId).Select(r => r.StorageKey).ToListAsync(ct);
        await db.ProtectedDocuments.Where(d => d.Id == documentId).ExecuteDeleteAsync(ct);
        foreach (var key in keys) store.Delete(key);
    }

    public async Task<ProtectedDocumentDto> DescribeAsync(Actor actor, ProtectedDocument doc, CancellationToken ct)
    {
        var revision = await db.ProtectedRevisions.AsNoTracking().FirstAsync(r => r.DocumentId == doc.Id && r.Number == doc.CurrentRevision, ct);
        var refusal = await access.CheckAsync(actor, doc, ct);
        return new ProtectedDocumentDto(doc.Id, doc.Subject, doc.SubjectId, doc.Title, revision.FileName, revision.ContentType, revision.Length, doc.CurrentRevision,
            doc.ExpiresAt, doc.MaxDownloads, doc.RevokedAt, doc.CreatedAt, actor.IsMemberOf(doc.OwnerOrganizationId), refusal is null, refusal?.Detail,
            $"/api/protected-documents/{doc.Id}/download");
    }

    private async Task<Outcome<ProtectedRevision>> StoreRevisionAsync(Actor actor, ProtectedDocument doc, ProtectedUpload upload, CancellationToken ct)
    {
        var (name, type, problem) = UploadChecks.Check(upload.FileName, upload.Content, options.Value);
        if (problem is not null) return Refusal.Invalid("file", problem);
        var (storageKey, protectedKey) = await store.SaveAsync(new MemoryStream(upload.Content, writable: false), ct);
        try
        {
            var revision = new ProtectedRevision
            {
                Number = doc.CurrentRevision + 1, FileName = name!, ContentType = type!, Length = upload.Content.LongLength,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)), StorageKey = storageKey, ProtectedKey = protectedKey,
                UploadedByUserId = actor.UserId, UploadedAt = clock.GetUtcNow(),
            };
            doc.CurrentRevision = revision.Number;
            doc.Title = string.IsNullOrWhiteSpace(upload.Title) ? (doc.Title.Length > 0 ? doc.Title : name!) : upload.Title.Trim();
            // One transaction: a new document never exists without its first revision.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (doc.Id == 0) db.ProtectedDocuments.Add(doc);
            await db.SaveChangesAsync(ct);
            revision.DocumentId = doc.Id;
            db.ProtectedRevisions.Add(revision);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return revision;
        }
        catch
        {
            store.Delete(storageKey);
            throw;
        }
    }
}
