using GvcMatch.Documents;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.ProtectedDocuments;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Ndas;

/// <summary>An organisation's NDA uploaded as a file, with the fields that describe it.</summary>
public sealed record NdaTemplateFileInput(string? Name, NdaKind? Kind, string? Language, string FileName, byte[] Content);

/// <summary>The original file of an own NDA template, ready to send.</summary>
public sealed record NdaTemplateFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Own NDA templates uploaded as PDF or DOCX. The text read from the file becomes the template's text
/// (what the other side reviews, what an accepted NDA's hash covers); the original is kept encrypted in
/// the protected-document store, for the owner and for anyone the NDA is put to.
/// </summary>
public sealed class NdaTemplateFiles(AppDbContext db, NdaService ndas, EncryptedFileStore store)
{
    public static readonly IReadOnlyCollection<string> Extensions = [".pdf", ".docx"];

    public async Task<Outcome<NdaTemplate>> AddAsync(Actor? actor, NdaTemplateFileInput input, CancellationToken ct)
    {
        if (actor?.OrganizationId is null) return Refusal.Forbidden("Join an organisation before adding an NDA template.");
        var (name, type, text, problem) = Read(input.FileName, input.Content);
        if (problem is not null) return Refusal.Invalid("file", problem);
        var added = await ndas.AddTemplateAsync(actor, new NdaTemplateInput(input.Name, input.Kind, input.Language, text), ct);
        if (added.Refusal is { } refused) return refused;
        var template = added.Value!;
        var (key, protectedKey) = await store.SaveAsync(new MemoryStream(input.Content, writable: false), ct);
        try
        {
            (template.SourceFileName, template.SourceContentType, template.SourceStorageKey, template.SourceProtectedKey) = (name, type, key, protectedKey);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(key);
            throw;
        }
        return template;
    }

    /// <summary>
    /// The original file, for the template's organisation, for either party of an NDA made from it, and
    /// for anyone who may read an NDA that asks for it (its object is visible to them). To others it does not exist.
    /// </summary>
    public async Task<Outcome<NdaTemplateFile>> GetAsync(Actor? actor, int templateId, CancellationToken ct)
    {
        var template = await db.NdaTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId && t.SourceStorageKey != null, ct);
        if (template is null || actor?.OrganizationId is not { } org || !await MayReadAsync(actor, org, template, ct)) return Refusal.NotFound("The NDA file");
        var plain = new MemoryStream();
        await store.DecryptToAsync(template.SourceStorageKey!, template.SourceProtectedKey!, plain, ct);
        return new NdaTemplateFile(plain.ToArray(), template.SourceContentType!, template.SourceFileName!);
    }

    private async Task<bool> MayReadAsync(Actor actor, int org, NdaTemplate template, CancellationToken ct)
    {
        if (org == template.OrganizationId) return true;
        var @ref = NdaTemplates.OrganizationRef(template.Id);
        if (await db.Ndas.AnyAsync(n => n.TemplateRef == @ref && n.OwnerOrganizationId == template.OrganizationId && (n.RecipientOrganizationId == org || n.OwnerOrganizationId == org), ct)) return true;
        var asked = await db.NdaPolicies.AsNoTracking().Where(p => p.TemplateRef == @ref && p.OwnerOrganizationId == template.OrganizationId)
            .Select(p => new { p.Subject, p.SubjectId }).ToListAsync(ct);
        foreach (var policy in asked)
            if ((await NdaSubjects.VisibleAsync(db, actor, policy.Subject, policy.SubjectId, ct)).Refusal is null) return true;
        return false;
    }

    /// <summary>The upload checks (name, size, type), the structure of a PDF, then the text; the reason names what is wrong with the file.</summary>
    private static (string? Name, string? ContentType, string? Text, string? Problem) Read(string rawName, byte[] content)
    {
        if (Path.GetExtension(rawName).ToLowerInvariant() is ".docm" or ".dotm")
            return (null, null, null, "Word files with macros (.docm) are refused: save it as a plain .docx.");
        var (name, type, problem) = AttachmentStore.Check(rawName, content.LongLength, NdaLimits.MaxFileBytes, NdaLimits.Name, Extensions);
        if (problem is not null) return (null, null, null, problem);
        if (type == "application/pdf" && UploadChecks.PdfProblem(content) is { } pdf) return (null, null, null, pdf);
        string text;
        try { text = type == "application/pdf" ? DocumentText.FromPdf(content) : DocumentText.FromDocx(content); }
        catch (DocumentRejectedException ex) { return (null, null, null, ex.Message); }
        if (text.Length == 0) return (null, null, null, "No text could be read from the file (a scanned page has none): upload a PDF with text, or a DOCX.");
        if (text.Length > NdaLimits.Text) return (null, null, null, $"The text is longer than {NdaLimits.Text} characters.");
        return (name, type, text, null);
    }
}
