using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Consortia;

/// <summary>
/// "Partners who would complete your bid": the composer's sets that include (and need) the caller's
/// SME, each with a one-click "Form this consortium" that creates it and invites the partners, each
/// with the criteria the composer saw it cover.
/// </summary>
[Authorize]
public sealed class PartnersModel(AppDbContext db, ComposerService composer, ConsortiumService consortia) : PageModel
{
    public const int Top = 5;

    public Requirement Requirement { get; private set; } = null!;
    public ConsortiaDto? Proposals { get; private set; }
    public int Me { get; private set; }

    /// <summary>The consortium the caller's SME already leads for this requirement: proposals then invite into it.</summary>
    public int? LedConsortium { get; private set; }

    /// <summary>Why there is nothing to propose (no profile yet), shown instead of the list.</summary>
    public string? Missing { get; private set; }

    [TempData] public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(int requirementId, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId && r.Status == RequirementStatus.Published, ct);
        if (requirement is null) return NotFound();
        if (!actor.IsSme || actor.OrganizationId is not { } own) return Forbid();
        Requirement = requirement;
        Me = own;
        LedConsortium = await db.Consortia.Where(c => c.RequirementId == requirementId && c.LeadOrganizationId == own && c.Status != ConsortiumStatus.Dissolved)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        var me = await SupplierDocuments.LoadOwnFactsAsync(db, own, ct);
        if (me is null) Missing = "Your organisation has no capability profile yet: the composer needs it to find partners that complete it.";
        else Proposals = await composer.ComposeAsync(requirement, me, Top, ct);
        return Page();
    }

    /// <summary>
    /// Each <paramref name="member"/> value is "organisationId:criteria", criteria as dot-separated
    /// indexes ("12:0.2"); the caller's own entry sets the lead's part. Bad values are refused by the
    /// same rules as the API.
    /// </summary>
    public async Task<IActionResult> OnPostFormAsync(int requirementId, string? name, List<string>? member, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        if (Parse(member) is not { } parsed) return RedirectToPage(new { requirementId });
        var lead = parsed.FirstOrDefault(p => p.Org == actor.OrganizationId);
        var outcome = await consortia.CreateAsync(actor, new CreateConsortiumRequest
        {
            RequirementId = requirementId,
            Name = name,
            Lead = new MemberWorkInput { Criteria = lead.Criteria ?? [] },
            Invite = parsed.Where(p => p.Org != actor.OrganizationId).Select(p => new InviteInput { OrganizationId = p.Org, Criteria = p.Criteria }).ToList(),
        }, ct);
        if (outcome.Refusal is { IsNotFound: true }) return NotFound();
        if (!outcome.Ok)
        {
            Error = outcome.Refusal!.Detail;
            return RedirectToPage(new { requirementId });
        }
        return Redirect($"/Consortia/{outcome.Value}");
    }

    /// <summary>Invites a proposal's partners into the consortium the caller already leads (members already in it are skipped).</summary>
    public async Task<IActionResult> OnPostInviteAsync(int requirementId, int consortiumId, List<string>? member, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        if (Parse(member) is not { } parsed) return RedirectToPage(new { requirementId });
        var present = await db.ConsortiumMembers.Where(m => m.ConsortiumId == consortiumId
                && (m.Status == ConsortiumMemberStatus.Invited || m.Status == ConsortiumMemberStatus.Accepted))
            .Select(m => m.OrganizationId).ToListAsync(ct);
        foreach (var (org, criteria) in parsed.Where(p => !present.Contains(p.Org)))
        {
            var outcome = await consortia.InviteAsync(actor, consortiumId, new InviteInput { OrganizationId = org, Criteria = criteria }, ct);
            if (outcome.Refusal is { IsNotFound: true }) return NotFound();
            if (!outcome.Ok)
            {
                Error = outcome.Refusal!.Detail;
                return RedirectToPage(new { requirementId });
            }
        }
        return Redirect($"/Consortia/{consortiumId}");
    }

    /// <summary>"orgId:0.2" values into (organisation, criteria); null (with <see cref="Error"/> set) when one is malformed.</summary>
    private List<(int Org, List<int> Criteria)>? Parse(List<string>? values)
    {
        var parsed = new List<(int Org, List<int> Criteria)>();
        foreach (var value in values ?? [])
        {
            var parts = value.Split(':');
            var criteria = parts.Length == 2 ? parts[1].Split('.', StringSplitOptions.RemoveEmptyEntries).Select(p => int.TryParse(p, out var i) ? i : -1).ToList() : [];
            if (parts.Length != 2 || !int.TryParse(parts[0], out var org) || criteria.Contains(-1))
            {
                Error = $"'{value}' is not a member of a proposal.";
                return null;
            }
            parsed.Add((org, criteria));
        }
        return parsed;
    }
}
