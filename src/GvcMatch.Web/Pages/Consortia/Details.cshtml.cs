using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Consortia;

/// <summary>
/// One consortium for its members and invitees: who does what, how the accepted members together
/// cover each criterion and who provides it, and the actions each may take (the same service as the API).
/// </summary>
[Authorize]
public sealed class DetailsModel(AppDbContext db, ConsortiumService consortia, ConsortiumConversations conversations, TimeProvider clock,
    Features.Matching.MatchContexts contexts) : PageModel
{
    public ConsortiumDto Consortium { get; private set; } = null!;
    public ConsortiumCoverageDto Coverage { get; private set; } = null!;
    public Requirement Requirement { get; private set; } = null!;

    [TempData] public string? Error { get; set; }
    [TempData] public string? Notice { get; set; }

    public bool Open => Consortium.Status != ConsortiumStatus.Dissolved;
    public bool IsAccepted => Consortium.You.Status == ConsortiumMemberStatus.Accepted;
    public bool IsLead => Open && IsAccepted && Consortium.LeadOrganizationId == Consortium.You.OrganizationId;
    public bool IsInvited => Open && Consortium.You.Status == ConsortiumMemberStatus.Invited;

    public string NameOf(int organizationId) => Consortium.Members.FirstOrDefault(m => m.OrganizationId == organizationId)?.Name ?? $"#{organizationId}";

    /// <summary>The invitation as the lead filled it in, shown again with <see cref="Choices"/> when the name fits several SMEs.</summary>
    public InviteInput? Draft { get; private set; }
    public string? DraftName { get; private set; }
    public IReadOnlyList<CandidateDto> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        return await LoadAsync(actor, id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Actor actor, int id, CancellationToken ct)
    {
        var dto = await ConsortiumQueries.GetAsync(db, actor, id, ct);
        if (dto is null) return false;
        Consortium = dto;
        Coverage = (await ConsortiumCoverageLoader.EvaluateAsync(db, id, clock.GetUtcNow(), contexts, ct))!;
        Requirement = await db.Requirements.AsNoTracking().FirstAsync(r => r.Id == dto.RequirementId, ct);
        return true;
    }

    /// <summary>
    /// The lead names the SME by name (the autocomplete's pick or any part of it) or, from the choice
    /// list, by its id. A name that fits one SME invites it; one that fits several shows them to choose from.
    /// </summary>
    public async Task<IActionResult> OnPostInviteAsync(int id, int? organizationId, string? name, decimal? sharePercent, string? work,
        List<int>? criteria, List<int>? lots, CancellationToken ct)
    {
        var input = new InviteInput { OrganizationId = organizationId, SharePercent = sharePercent, Work = work, Criteria = criteria ?? [], Lots = lots ?? [] };
        if (organizationId is null)
        {
            var actor = await User.GetActorAsync(db, ct);
            if (actor is null) return Challenge();
            var choice = await consortia.ChooseCandidateAsync(actor, id, name, ct);
            if (choice.Refusal is { IsNotFound: true }) return NotFound();
            if (!choice.Ok || choice.Value!.Single is null && choice.Value.Choices.Count == 0)
            {
                Error = choice.Refusal?.Detail ?? $"No published SME you may invite has a name like \"{name!.Trim()}\".";
                return Redirect($"/Consortia/{id}");
            }
            if (choice.Value.Single is not { } one)
            {
                (Draft, DraftName, Choices) = (input, name!.Trim(), choice.Value.Choices);
                await LoadAsync(actor, id, ct);
                return Page();
            }
            input = input with { OrganizationId = one.OrganizationId };
        }
        return await ActAsync(id, actor => consortia.InviteAsync(actor, id, input, ct), "Invitation sent.");
    }

    /// <summary>The member form shows every criterion and lot as a checkbox, so none ticked means none.</summary>
    public Task<IActionResult> OnPostMemberAsync(int id, int organizationId, ConsortiumRole? role, decimal? sharePercent, string? work, List<int>? criteria, List<int>? lots, CancellationToken ct) =>
        ActAsync(id, actor => consortia.UpdateMemberAsync(actor, id, organizationId, new MemberUpdateInput
        {
            Role = role, SharePercent = sharePercent ?? 0, Work = work ?? "", Criteria = criteria ?? [], Lots = lots ?? [],
        }, IfMatch.None, ct), "Saved.");

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        ActAsync(id, actor => consortia.AnswerAsync(actor, id, true, ct), "You have joined the consortium.");

    public async Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct)
    {
        var result = await ActAsync(id, actor => consortia.AnswerAsync(actor, id, false, ct), null);
        return Error is null && result is RedirectResult ? Redirect("/Consortia") : result;
    }

    public async Task<IActionResult> OnPostLeaveAsync(int id, CancellationToken ct)
    {
        var result = await ActAsync(id, actor => consortia.LeaveAsync(actor, id, ct), null);
        return Error is null && result is RedirectResult ? Redirect("/Consortia") : result;
    }

    public Task<IActionResult> OnPostDissolveAsync(int id, CancellationToken ct) =>
        ActAsync(id, actor => consortia.DissolveAsync(actor, id, ct), "The consortium is dissolved.");

    /// <summary>One click: the consortium's conversation with the buyer, opened or found.</summary>
    public async Task<IActionResult> OnPostConversationAsync(int id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var outcome = await conversations.StartAsync(actor, id, ct);
        if (outcome.Refusal is { IsNotFound: true }) return NotFound();
        if (!outcome.Ok)
        {
            Error = outcome.Refusal!.Detail;
            return Redirect($"/Consortia/{id}");
        }
        return Redirect($"/Conversations/{outcome.Value!.ConversationId}");
    }

    private async Task<IActionResult> ActAsync<T>(int id, Func<Actor, Task<Outcome<T>>> act, string? done)
    {
        var actor = await User.GetActorAsync(db, HttpContext.RequestAborted);
        if (actor is null) return Challenge();
        var outcome = await act(actor);
        if (outcome.Refusal is { IsNotFound: true } && !await ConsortiumQueries.CanSeeAsync(db, actor, id, HttpContext.RequestAborted)) return NotFound();
        if (outcome.Ok) Notice = done;
        else Error = outcome.Refusal!.Detail;
        return Redirect($"/Consortia/{id}");
    }
}
