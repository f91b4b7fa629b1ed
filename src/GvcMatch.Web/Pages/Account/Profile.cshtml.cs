using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Pages.Account;

/// <summary>An SME edits, publishes and unpublishes its capability profile.</summary>
public sealed class ProfileModel(AppDbContext db, Features.ReferenceData.ReferenceData reference, ProfileService service, Features.Certificates.CertificateDocuments documents, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Blank certification rows offered below the existing ones, so no script is needed to add one.</summary>
    public const int BlankCertificationRows = 3;

    [BindProperty] public ProfileForm Input { get; set; } = new();

    public Organization Organization { get; private set; } = null!;
    public CapabilityProfile? Profile { get; private set; }
    public IDictionary<string, string[]>? Errors { get; private set; }
    public string? Message { get; private set; }
    public bool MessageIsWarning { get; private set; }
    public Features.ReferenceData.ReferenceData Reference => reference;

    /// <summary>The stored certificate a form row shows unchanged (for its evidence level and expiry), or null for a new or edited row.</summary>
    public CertificationDto? StoredCertificate(CertificationRow row)
    {
        if (Profile is null || row.IsBlank || string.IsNullOrWhiteSpace(row.Standard)) return null;
        var read = Features.Certificates.CertificateRecords.Read(new CertificationInput(row.Standard, row.Issuer, row.Number, row.ValidUntil) { Scope = row.Scope, ValidFrom = row.ValidFrom });
        var stored = Profile.Certifications.FirstOrDefault(c => c.Standard == read.Standard && c.Scope == read.Scope && c.Number == read.Number
            && c.ValidUntil == read.ValidUntil && c.ValidFrom == read.ValidFrom);
        return stored is null ? null : CertificationDto.From(stored, clock.Today());
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        Input = ProfileForm.From(Profile is null ? new ProfileInput() : ProfileInput.From(Profile));
        Input.PadCertifications(BlankCertificationRows);
        Message = TempData["Message"] as string;
        MessageIsWarning = TempData["Warning"] is true;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(publish: false, ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => SaveAsync(publish: true, ct);

    public async Task<IActionResult> OnPostUnpublishAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (Profile is not null)
        {
            var unpublished = await service.UnpublishAsync(await User.GetActorAsync(db, ct), Organization.Id, IfMatch.None, ct);
            if (unpublished.Refusal is { } refused) return Refused(refused);
        }
        TempData["Message"] = l["The profile is now a draft; buyers no longer see it."].Value;
        return RedirectToPage();
    }

    private async Task<IActionResult> SaveAsync(bool publish, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var input = Input.ToInput();
        var actor = await User.GetActorAsync(db, ct);
        var saved = ModelState.IsValid ? await service.SaveAsync(actor, Organization.Id, input, IfMatch.None, ct) : default;
        if (!ModelState.IsValid || saved.Refusal is { IsInvalid: true })
        {
            // Show the form as posted, each certification error next to its row (and values that did not bind, with the rules' findings).
            var errors = new Errors();
            if (saved.Refusal is { } invalid) errors.AddRange(invalid.ForForm());
            else input.Validate(errors, reference);
            var all = new Errors();
            all.AddRange(RowErrors.Remap(errors.ToDictionary(), "certifications", RowErrors.NonBlank(Input.Certifications, c => c.IsBlank)));
            BindingErrors.AddTo(ModelState, all);
            Errors = all.ToDictionary();
            Input.PadCertifications(BlankCertificationRows);
            return Page();
        }
        if (saved.Refusal is { } refused) return Refused(refused);

        // The fields are kept even when publishing is refused, so nothing typed is lost.
        var published = publish ? await service.PublishAsync(actor, Organization.Id, IfMatch.None, ct) : default;
        var notPublished = published.Refusal?.Detail;
        TempData["Message"] = notPublished is not null ? l["Saved, but not published: {0}", notPublished].Value
            : publish ? l["Published: buyers can now find your profile."].Value : l["Saved."].Value;
        TempData["Warning"] = notPublished is not null;
        return RedirectToPage();
    }

    /// <summary>
    /// Attaches (or replaces) a stored certificate's document through the same checks as the API; the
    /// outcome is reported at the top of the page, since the rest of the form is not posted with it.
    /// </summary>
    public async Task<IActionResult> OnPostDocumentAsync(int certificationId, IFormFile? document, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (document is null)
        {
            TempData["Message"] = l["Choose a PDF or an image of the certificate, then upload it."].Value;
            TempData["Warning"] = true;
            return RedirectToPage();
        }
        await using var content = document.OpenReadStream();
        var attached = await documents.AttachAsync(await User.GetActorAsync(db, ct), Organization.Id, certificationId, content, document.FileName, document.Length, IfMatch.None, ct);
        if (attached.Refusal is { IsInvalid: true } invalid)
        {
            TempData["Message"] = l["The document was not attached: {0}", invalid.Detail].Value;
            TempData["Warning"] = true;
            return RedirectToPage();
        }
        if (attached.Refusal is { } refused) return Refused(refused);
        TempData["Message"] = l["Document attached to {0}. It is self-declared until a verified intermediary or an admin checks it.", GvcMatch.Matching.Certifications.CertificationRequirement.Name(Features.Certificates.CertificateFacts.Held(attached.Value.Certificate))].Value;
        return RedirectToPage();
    }

    /// <summary>A refusal that is not about the fields: the profile is not the caller's, or the message says why.</summary>
    private IActionResult Refused(Refusal refusal)
    {
        if (refusal.IsNotFound) return NotFound();
        if (refusal.IsForbidden) return Forbid();
        TempData["Message"] = refusal.Detail;
        TempData["Warning"] = true;
        return RedirectToPage();
    }

    /// <summary>Loads the caller's organisation and profile; a non-SME or an outsider gets 403.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId) return Forbid();
        var found = await service.FindForChangeAsync(actor, orgId, ct);
        if (found.Refusal is not null) return Forbid();
        Organization = found.Value!;
        Profile = Organization.Profile;
        return null;
    }
}
