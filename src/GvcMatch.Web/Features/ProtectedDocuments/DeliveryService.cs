using GvcMatch.Documents;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.ProtectedDocuments;

/// <summary>
/// Deliveries: every copy is made for one person (a PDF stamped on every page, an image marked
/// visibly and invisibly) with a fresh fingerprint, and every attempt is logged, refusals included.
/// The owner reads the log; the owner and platform admins trace a leaked copy back to its delivery.
/// </summary>
public sealed class DeliveryService(
    AppDbContext db, EncryptedFileStore store, DocumentAccess access, ProtectedDocumentService documents, Microsoft.Extensions.Options.IOptions<ProtectedDocumentOptions> options, TimeProvider clock)
{
    private readonly long _maxPixels = options.Value.MaxImagePixels;

    public async Task<Outcome<DeliveredCopy>> DeliverAsync(Actor? actor, int documentId, string address, CancellationToken ct)
    {
        var doc = await db.ProtectedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (doc is null || actor is null) return Refusal.NotFound("The document");
        var entry = await EntryAsync(actor, doc, address, ct);
        if (await access.CheckAsync(actor, doc, ct) is { } refused)
        {
            entry.Refusal = refused.Detail;
            db.DocumentDeliveries.Add(entry);
            await db.SaveChangesAsync(ct);
            return refused;
        }

        var revision = await db.ProtectedRevisions.AsNoTracking().FirstAsync(r => r.DocumentId == doc.Id && r.Number == doc.CurrentRevision, ct);
        // Stamping works on the whole file (PDFsharp and SkiaSharp load it): the decrypted bytes live only in
        // this one buffer of the file's exact size, never on disk, and are handed on without another copy.
        var plain = new byte[revision.Length];
        await using (var decrypted = await store.OpenReadAsync(revision.StorageKey, revision.ProtectedKey, ct))
            await decrypted.ReadExactlyAsync(plain, ct);
        var fingerprint = DeliveryFingerprint.New();
        var stamp = new DeliveryStamp(entry.OrganizationName ?? "—", entry.UserName, clock.GetUtcNow(), fingerprint);
        byte[] copy;
        try
        {
            copy = revision.ContentType == "application/pdf" ? PdfStamper.Stamp(plain, stamp) : ImageMarker.Mark(plain, stamp);
        }
        catch (DocumentRejectedException ex)
        {
            entry.Refusal = ex.Message;
            db.DocumentDeliveries.Add(entry);
            await db.SaveChangesAsync(ct);
            return Refusal.Conflict(ex.Message);
        }
        entry.Fingerprint = (long)fingerprint.Value;
        db.DocumentDeliveries.Add(entry);
        await db.SaveChangesAsync(ct);
        var type = revision.ContentType == "image/png" || revision.ContentType == "application/pdf" ? revision.ContentType : "image/jpeg";
        var name = type == "image/jpeg" && !revision.FileName.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) && !revision.FileName.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)
            ? Path.ChangeExtension(revision.FileName, ".jpg") : revision.FileName;
        return new DeliveredCopy(copy, type, name, fingerprint);
    }

    /// <summary>The access log of one document, for its owner only: nobody else learns who opened it.</summary>
    public async Task<Outcome<AccessLogDto>> LogAsync(Actor? actor, int documentId, CancellationToken ct)
    {
        var found = await documents.OwnDocumentAsync(actor, documentId, ct);
        if (found.Refusal is { } refused) return refused;
        var doc = found.Value!;
        var rows = await db.DocumentDeliveries.AsNoTracking().Where(d => d.DocumentId == doc.Id).ToListAsync(ct);
        var recipients = await db.DocumentRecipients.AsNoTracking().Where(r => r.DocumentId == doc.Id)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { r, o.Name }).ToListAsync(ct);
        var downloads = rows.Where(r => r.Fingerprint != null && r.OrganizationId != null).GroupBy(r => r.OrganizationId!.Value).ToDictionary(g => g.Key, g => g.Count());
        return new AccessLogDto(
            await documents.DescribeAsync(actor!, doc, ct),
            [.. rows.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => DeliveryDto.From(r, doc.Title))],
            [.. recipients.Select(x => new RecipientDto(x.r.OrganizationId, x.Name, x.r.Named, x.r.RevokedAt, downloads.GetValueOrDefault(x.r.OrganizationId)))]);
    }

    /// <summary>
    /// The delivery a fingerprint names: typed from a copy, or read from the file itself (a PDF's
    /// properties, an image's hidden mark). The owner finds deliveries of its own documents; a platform
    /// admin any. To anyone else every fingerprint is unknown.
    /// </summary>
    public async Task<Outcome<DeliveryDto>> LookupAsync(Actor? actor, string? typed, byte[]? file, CancellationToken ct)
    {
        DeliveryFingerprint fingerprint;
        if (!string.IsNullOrWhiteSpace(typed))
        {
            if (!DeliveryFingerprint.TryParse(typed, out fingerprint)) return Refusal.Invalid("fingerprint", "A fingerprint is ten letters and digits, as printed on the copy (7K2QX-M9D4A).");
        }
        else if (file is { Length: > 0 })
        {
            if ((file.AsSpan().StartsWith("%PDF-"u8) ? ReadPdf(file) : ReadImage(file)) is not { } read)
                return Refusal.Invalid("file", "No fingerprint could be read from this file: type the one printed on it.");
            fingerprint = read;
        }
        else return Refusal.Invalid("fingerprint", "Type a fingerprint or upload the copy.");

        var value = (long)fingerprint.Value;
        var hit = await db.DocumentDeliveries.AsNoTracking().Where(d => d.Fingerprint == value)
            .Join(db.ProtectedDocuments, d => d.DocumentId, p => p.Id, (d, p) => new { d, p.Title, p.OwnerOrganizationId }).FirstOrDefaultAsync(ct);
        if (hit is null || actor is null || !(actor.IsPlatformAdmin || actor.IsMemberOf(hit.OwnerOrganizationId))) return Refusal.NotFound("A delivery with this fingerprint");
        return DeliveryDto.From(hit.d, hit.Title);
    }

    /// <summary>A leaked file is anything at all: whatever the reader trips over means no fingerprint, not a server error.</summary>
    private static DeliveryFingerprint? ReadPdf(byte[] file)
    {
        try { return PdfStamper.ReadFingerprint(file); }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException) { return null; }
    }

    private DeliveryFingerprint? ReadImage(byte[] file)
    {
        // The header's size first: a leaked "copy" can be an image bomb too.
        using (var codec = SkiaSharp.SKCodec.Create(new MemoryStream(file)))
            if (codec is null || (long)codec.Info.Width * codec.Info.Height > _maxPixels) return null;
        try { return ImageMarker.ReadFingerprint(file); }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException) { return null; }
    }

    private async Task<DocumentDelivery> EntryAsync(Actor actor, ProtectedDocument doc, string address, CancellationToken ct)
    {
        var who = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.DisplayName, u.Email, Organization = u.Organization == null ? null : u.Organization.Name }).FirstAsync(ct);
        return new DocumentDelivery
        {
            DocumentId = doc.Id, Revision = doc.CurrentRevision, UserId = actor.UserId,
            UserName = string.IsNullOrWhiteSpace(who.DisplayName) ? who.Email ?? actor.UserId : who.DisplayName!,
            OrganizationId = actor.OrganizationId, OrganizationName = who.Organization, At = clock.GetUtcNow(), Address = address,
        };
    }
}
