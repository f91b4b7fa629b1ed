using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Account.Ip;

/// <summary>An SME creates, edits, publishes, unpublishes and deletes one IP listing.</summary>
public sealed class EditModel(AppDbContext db, Features.ReferenceData.ReferenceData reference, IpListingService service, ResourceAccess access) : PageModel
{
    [BindProperty] public IpForm Input { get; set; } = new();

    public IpListing? Listing { get; private set; }
    public IDictionary<string, string[]>? Errors { get; private set; }
    public string? Message { get; private set; }
    public Features.ReferenceData.ReferenceData Reference => reference;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = IpForm.From(Listing is null ? new IpListingInput { OfferTypes = [IpOfferType.NonExclusiveLicence] } : IpListingInput.From(Listing));
        Message = TempData["Message"] as string;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct) => SaveAsync(id, null, ct);

    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct) => SaveAsync(id, PublicationStatus.Published, ct);

    public async Task<IActionResult> OnPostUnpublishAsync(int? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        var unpublished = await service.SetStatusAsync(await User.GetActorAsync(db, ct), id.Value, PublicationStatus.Draft, IfMatch.None, ct);
        if (unpublished.Refusal is { } refused) return Refused(refused);
        TempData["Message"] = "Unpublished: the listing is a draft again.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        var deleted = await service.DeleteAsync(await User.GetActorAsync(db, ct), id.Value, IfMatch.None, ct);
        if (deleted.Refusal is { } refused) return Refused(refused);
        TempData["Message"] = $"Deleted “{deleted.Value!.Title}”.";
        return RedirectToPage("/Account/Ip/Index");
    }

    private async Task<IActionResult> SaveAsync(int? id, PublicationStatus? status, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var input = Input.ToInput();
        var actor = await User.GetActorAsync(db, ct);
        var errors = new Errors();
        BindingErrors.AddTo(ModelState, errors);
        if (errors.Any)
        {
            input.Validate(errors, reference);
            Errors = errors.ToDictionary();
            return Page();
        }
        var saved = Listing is null
            ? await service.CreateAsync(actor, input, ct)
            : await service.UpdateAsync(actor, Listing.Id, input, IfMatch.None, ct);
        if (status is { } s && saved.Ok) saved = await service.SetStatusAsync(actor, saved.Value!.Id, s, IfMatch.None, ct);
        if (saved.Refusal is { } refused)
        {
            if (refused.IsNotFound || refused.IsForbidden) return Refused(refused);
            Errors = refused.ForForm();
            return Page();
        }
        TempData["Message"] = status == PublicationStatus.Published ? "Published in the IP marketplace." : "Saved.";
        return RedirectToPage(new { id = saved.Value!.Id });
    }

    /// <summary>A refusal of a button that has no form to show it on: the listing is not the caller's, or the message says why.</summary>
    private IActionResult Refused(Refusal refusal)
    {
        if (refusal.IsNotFound) return NotFound();
        if (refusal.IsForbidden) return Forbid();
        TempData["Message"] = refusal.Detail;
        return RedirectToPage();
    }

    /// <summary>Only members of the SME that owns the listing get past here; another organisation's listing is not found.</summary>
    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId) return Forbid();
        if (!await access.AllowsAsync(actor, await db.Organizations.FirstAsync(o => o.Id == orgId, ct), AccessOperations.ManageIpListings)) return Forbid();
        if (id is null) return null;
        var found = await service.FindForChangeAsync(actor, id.Value, ct);
        // The page lists the caller's own listings only: anyone else's is not found here.
        if (found.Refusal is not null) return NotFound();
        Listing = found.Value;
        return null;
    }
}

public sealed class IpForm
{
    public IpKind Kind { get; set; }
    public string? Title { get; set; }
    public string? Abstract { get; set; }
    public string? IpcClasses { get; set; }
    public string? Jurisdictions { get; set; }
    public string? ApplicationNumber { get; set; }
    public string? GrantNumber { get; set; }
    public IpLegalStatus LegalStatus { get; set; }
    public int? ReadinessLevel { get; set; }
    public List<IpOfferType> OfferTypes { get; set; } = [];
    public string? IndicativeTerms { get; set; }

    /// <summary>The structured terms, in <see cref="IpTermsForm"/>; a blank deal kind means none are stated.</summary>
    public IpTermsForm Terms { get; set; } = new();

    public IpListingInput ToInput() => new()
    {
        Kind = Kind, Title = Title ?? "", Abstract = Abstract ?? "",
        IpcClasses = FormHelpers.SplitList(IpcClasses), Jurisdictions = FormHelpers.SplitList(Jurisdictions),
        ApplicationNumber = Blank(ApplicationNumber), GrantNumber = Blank(GrantNumber), LegalStatus = LegalStatus,
        ReadinessLevel = ReadinessLevel, OfferTypes = OfferTypes, IndicativeTerms = Blank(IndicativeTerms),
        Terms = Terms.ToSheet(), Seeking = Terms.ToSeeking(),
    };

    public static IpForm From(IpListingInput i) => new()
    {
        Kind = i.Kind, Title = i.Title, Abstract = i.Abstract, IpcClasses = FormHelpers.JoinComma(i.IpcClasses),
        Jurisdictions = FormHelpers.JoinComma(i.Jurisdictions), ApplicationNumber = i.ApplicationNumber, GrantNumber = i.GrantNumber,
        LegalStatus = i.LegalStatus, ReadinessLevel = i.ReadinessLevel, OfferTypes = i.OfferTypes.ToList(), IndicativeTerms = i.IndicativeTerms,
        Terms = IpTermsForm.From(i.Terms, i.Seeking),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
