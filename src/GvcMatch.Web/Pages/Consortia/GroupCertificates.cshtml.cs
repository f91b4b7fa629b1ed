using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Consortia;

/// <summary>A cluster's group certificates and, for each, the member SMEs that may rely on it.</summary>
[Authorize]
public sealed class GroupCertificatesModel(
    AppDbContext db, Features.ReferenceData.ReferenceData reference, GroupCertificationMessages messages, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GroupCertificateDto> Certificates { get; private set; } = [];

    /// <summary>Requests to join, per certificate, pending first.</summary>
    public ILookup<int, JoinRequestDto> Requests { get; private set; } = Array.Empty<JoinRequestDto>().ToLookup(r => r.GroupCertificateId);

    [TempData] public string? Error { get; set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        if (await GroupCertificateStore.CannotManageAsync(db, actor, ct) is not null) return Forbid();
        Certificates = await GroupCertificateStore.ListAsync(db, actor.OrganizationId!.Value, clock.Today(), ct);
        Requests = (await GroupCertificateJoining.ForClusterAsync(db, actor.OrganizationId!.Value, ct)).ToLookup(r => r.GroupCertificateId);
        return Page();
    }

    /// <summary>
    /// Adds (no id) or replaces a certificate; members are SME numbers separated by commas or spaces.
    /// The edit form carries the stamp it was read with, so a stale form is refused as a stale If-Match is.
    /// </summary>
    public async Task<IActionResult> OnPostSaveAsync(int? id, string? standard, string? issuer, string? number, DateOnly? validUntil, string? members, Guid? stamp,
        CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var ids = new List<int>();
        foreach (var part in (members ?? "").Split([',', ' ', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var orgId))
            {
                Error = $"'{part}' is not an SME number.";
                return RedirectToPage();
            }
            ids.Add(orgId);
        }
        var outcome = await GroupCertificateStore.SaveAsync(db, reference, actor, id,
            new GroupCertificateInput { Standard = standard, Issuer = issuer, Number = number, ValidUntil = validUntil, MemberOrganizationIds = ids }, IfMatch.Stamp(stamp), ct);
        if (outcome.Refusal is { IsForbidden: true }) return Forbid();
        if (outcome.Ok) Notice = "Saved.";
        else Error = outcome.Refusal!.Detail;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOpennessAsync(int id, bool open, string? country, string? scope, string? joining, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var outcome = await GroupCertificateJoining.SetOpennessAsync(db, reference, actor, id, new GroupOpennessInput(open, country, scope, joining), ct);
        if (outcome.Refusal is { IsForbidden: true }) return Forbid();
        if (outcome.Ok) Notice = "Saved.";
        else Error = outcome.Refusal!.IsInvalid ? string.Join(" ", outcome.Refusal.ForForm().SelectMany(e => e.Value)) : outcome.Refusal.Detail;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, int requestId, bool accept, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var outcome = await GroupCertificateJoining.DecideAsync(db, actor, id, requestId, accept, clock.GetUtcNow(), ct);
        if (outcome.Refusal is { IsForbidden: true }) return Forbid();
        if (!outcome.Ok)
        {
            Error = outcome.Refusal!.Detail;
            return RedirectToPage();
        }
        var answered = (await GroupCertificateJoining.MineAsync(db, outcome.Value!.OrganizationId, ct)).First(r => r.Id == requestId);
        await messages.DecidedAsync(answered.OrganizationId, answered.ClusterName, answered.Standard, accept, ct);
        Notice = accept ? "Accepted: the SME is listed on the certificate." : "Declined.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var outcome = await GroupCertificateStore.DeleteAsync(db, actor, id, IfMatch.None, ct);
        if (outcome.Refusal is { IsForbidden: true }) return Forbid();
        if (outcome.Ok) Notice = "Removed.";
        else Error = outcome.Refusal!.Detail;
        return RedirectToPage();
    }
}
