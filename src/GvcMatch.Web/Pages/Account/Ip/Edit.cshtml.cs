using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Account.Ip;

/// <summary>An SME creates, edits, publishes, unpublishes and deletes one IP listing.</summary>
public sealed class EditModel(AppDbContext db, Features.ReferenceData.ReferenceData reference, TimeProvider clock) : PageModel
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
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Listing is null) return NotFound();
        IpListingPublishing.SetStatus(Listing, PublicationStatus.Draft, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Unpublished: the listing is a draft again.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Listing is null) return NotFound();
        db.IpListings.Remove(Listing);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Deleted “{Listing.Title}”.";
        return RedirectToPage("/Account/Ip/Index");
    }

    private async Task<IActionResult> SaveAsync(int? id, PublicationStatus? status, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var input = Input.ToInput();
        var errors = new Errors();
        BindingErrors.AddTo(ModelState, errors);
        input.Validate(errors, reference);
        if (errors.Any)
        {
            Errors = errors.ToDictionary();
            return Page();
        }

        var now = clock.GetUtcNow();
        if (Listing is null)
        {
            var orgId = (await User.GetActorAsync(db, ct))!.OrganizationId!.Value;
            Listing = new IpListing { Key = Slug.NewKey("ip", input.Title), Title = "", OrganizationId = orgId, CreatedAt = now, UpdatedAt = now };
            db.IpListings.Add(Listing);
        }
        input.ApplyTo(Listing);
        Listing.UpdatedAt = now;
        if (status is { } s) IpListingPublishing.SetStatus(Listing, s, now);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = status == PublicationStatus.Published ? "Published in the IP marketplace." : "Saved.";
        return RedirectToPage(new { id = Listing.Id });
    }

    /// <summary>Only members of the SME that owns the listing get past here; another organisation's listing is not found.</summary>
    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId || Access.CanManageIpListings(actor, orgId) is not null) return Forbid();
        if (id is null) return null;
        Listing = await db.IpListings.FirstOrDefaultAsync(i => i.Id == id && i.OrganizationId == orgId, ct);
        return Listing is null ? NotFound() : null;
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

    public IpListingInput ToInput() => new()
    {
        Kind = Kind, Title = Title ?? "", Abstract = Abstract ?? "",
        IpcClasses = FormHelpers.SplitList(IpcClasses), Jurisdictions = FormHelpers.SplitList(Jurisdictions),
        ApplicationNumber = Blank(ApplicationNumber), GrantNumber = Blank(GrantNumber), LegalStatus = LegalStatus,
        ReadinessLevel = ReadinessLevel, OfferTypes = OfferTypes, IndicativeTerms = Blank(IndicativeTerms),
    };

    public static IpForm From(IpListingInput i) => new()
    {
        Kind = i.Kind, Title = i.Title, Abstract = i.Abstract, IpcClasses = FormHelpers.JoinComma(i.IpcClasses),
        Jurisdictions = FormHelpers.JoinComma(i.Jurisdictions), ApplicationNumber = i.ApplicationNumber, GrantNumber = i.GrantNumber,
        LegalStatus = i.LegalStatus, ReadinessLevel = i.ReadinessLevel, OfferTypes = i.OfferTypes.ToList(), IndicativeTerms = i.IndicativeTerms,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
