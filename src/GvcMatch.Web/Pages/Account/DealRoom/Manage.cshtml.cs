using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Features.ProtectedDocuments;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account.DealRoom;

/// <summary>
/// The owner's page for one requirement or IP listing: the NDA it asks for, its protected documents,
/// each one's access log, and revocation. Every action goes through the same services as the API.
/// </summary>
public sealed class ManageModel(
    AppDbContext db, NdaService ndas, NdaTemplates templates, NdaTemplateFiles templateFiles, ProtectedDocumentService documents, DeliveryService deliveries) : PageModel
{
    public SubjectInfo Subject { get; private set; } = null!;
    public NdaGateDto Gate { get; private set; } = null!;
    public IReadOnlyList<NdaTemplateText> Templates { get; private set; } = [];
    public IReadOnlyList<AccessLogDto> Logs { get; private set; } = [];
    public IDictionary<string, string[]>? Errors { get; private set; }
    [TempData] public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(string segment, int id, CancellationToken ct) => ShowAsync(segment, id, null, ct);

    public Task<IActionResult> OnPostPolicyAsync(string segment, int id, NdaPolicyInput policy, CancellationToken ct) =>
        ActAsync(segment, id, ct, async (actor, subject) => (await ndas.SetPolicyAsync(actor, subject, id, policy, ct)).Refusal);

    /// <summary>The owner's own NDA text, offered in the template list from then on (the same rules as POST /api/nda-templates).</summary>
    /// <remarks>With a file (PDF or DOCX) the text is read from it instead, as POST /api/nda-templates/file does.</remarks>
    public Task<IActionResult> OnPostTemplateAsync(string segment, int id, NdaTemplateInput template, IFormFile? templateFile, CancellationToken ct) =>
        ActAsync(segment, id, ct, async (actor, _) =>
        {
            if (templateFile is not { Length: > 0 }) return (await ndas.AddTemplateAsync(actor, template, ct)).Refusal;
            if (templateFile.Length > NdaLimits.MaxFileBytes) return Refusal.Invalid("file", $"Documents are at most {NdaLimits.MaxFileBytes / 1024} KB.");
            using var buffer = new MemoryStream();
            await templateFile.CopyToAsync(buffer, ct);
            var input = new NdaTemplateFileInput(template.Name, template.Kind, template.Language, templateFile.FileName, buffer.ToArray());
            return (await templateFiles.AddAsync(actor, input, ct)).Refusal;
        });

    public Task<IActionResult> OnPostRemovePolicyAsync(string segment, int id, CancellationToken ct) =>
        ActAsync(segment, id, ct, async (actor, subject) => (await ndas.RemovePolicyAsync(actor, subject, id, ct)).Refusal);

    /// <summary>A conversation's files are sent in the conversation (as protected attachments), so they take their place in the thread.</summary>
    public Task<IActionResult> OnPostUploadAsync(string segment, int id, IFormFile? file, string? title, DateTimeOffset? expiresAt, int? maxDownloads, CancellationToken ct) =>
        segment == NdaSubjects.Segment(NdaSubject.Conversation) ? Task.FromResult<IActionResult>(NotFound()) : ActAsync(segment, id, ct, async (actor, subject) => await ReadAsync(file, title, expiresAt, maxDownloads, ct) is { } upload
            ? (await documents.UploadAsync(actor, subject, id, upload, ct)).Refusal
            : Refusal.Invalid("file", Problem(file)));

    public Task<IActionResult> OnPostReplaceAsync(string segment, int id, int documentId, IFormFile? file, CancellationToken ct) =>
        ActAsync(segment, id, ct, async (actor, _) => await ReadAsync(file, null, null, null, ct) is { } upload
            ? (await documents.ReplaceAsync(actor, documentId, upload, ct)).Refusal
            : Refusal.Invalid("file", Problem(file)));

    public Task<IActionResult> OnPostWithdrawAsync(string segment, int id, int documentId, CancellationToken ct) =>
        ActAsync(segment, id, ct, async (actor, _) => (await documents.WithdrawAsync(actor, documentId, ct)).Refusal);

    public Task<IActionResult> OnPostRecipientAsync(string segment, int id, int documentId, int organizationId, bool allow, CancellationToken ct) =>
        ActAsync(segment, id, ct, async (actor, _) => (await documents.SetRecipientAsync(actor, documentId, organizationId, allow, ct)).Refusal);

    private async Task<IActionResult> ActAsync(string segment, int id, CancellationToken ct, Func<Actor?, NdaSubject, Task<Refusal?>> act)
    {
        if (!NdaSubjects.TryParse(segment, out var subject)) return NotFound();
        var actor = await User.GetActorAsync(db, ct);
        var own = await documents.OwnSubjectAsync(actor, subject, id, ct);
        if (own.Refusal is not null) return NotFound();
        if (!ModelState.IsValid) return await ShowAsync(segment, id, ModelState.Where(e => e.Value?.Errors.Count > 0)
            .ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray()), ct);
        var refused = await act(actor, subject);
        if (refused is { IsNotFound: true }) return NotFound();
        if (refused is not null) return await ShowAsync(segment, id, refused.ForForm(), ct);
        Message = "Saved.";
        return RedirectToPage(new { segment, id });
    }

    private async Task<IActionResult> ShowAsync(string segment, int id, IDictionary<string, string[]>? errors, CancellationToken ct)
    {
        if (!NdaSubjects.TryParse(segment, out var subject)) return NotFound();
        var actor = await User.GetActorAsync(db, ct);
        var own = await documents.OwnSubjectAsync(actor, subject, id, ct);
        if (own.Refusal is not null) return NotFound();
        Subject = own.Value!;
        Gate = (await ndas.GateAsync(actor, subject, id, ct)).Value!;
        var ownTemplates = db.NdaTemplates.Where(t => t.OrganizationId == Subject.OwnerOrganizationId).OrderBy(t => t.Id).ToList();
        Templates = [.. templates.Platform.OrderBy(t => t.Ref), .. ownTemplates.Select(NdaTemplates.Describe)];
        var logs = new List<AccessLogDto>();
        // In a conversation both parties share files: each manages, and reads the log of, its own.
        foreach (var doc in (await documents.ListAsync(actor, subject, id, ct)).Value!.Where(d => d.IsOwner))
            logs.Add((await deliveries.LogAsync(actor, doc.Id, ct)).Value!);
        Logs = logs;
        Errors = errors;
        if (errors is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<ProtectedUpload?> ReadAsync(IFormFile? file, string? title, DateTimeOffset? expiresAt, int? maxDownloads, CancellationToken ct)
    {
        if (file is null || file.Length == 0 || file.Length > documents.MaxBytes) return null;
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return new ProtectedUpload(file.FileName, buffer.ToArray(), title, expiresAt, maxDownloads);
    }

    private string Problem(IFormFile? file) => file is null || file.Length == 0 ? "Choose a file." : $"Documents are at most {documents.MaxBytes / 1024} KB.";
}
