using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Questions;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Requirements;

/// <summary>A requirement in full: every criterion and every published version, so suppliers see how they are judged.</summary>
[Authorize]
public sealed class DetailsModel(AppDbContext db, Features.ReferenceData.ReferenceData reference, QuestionBoard questions, BidReads bids, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public Requirement Requirement { get; private set; } = null!;
    public bool IsMember { get; private set; }

    /// <summary>An SME may open a conversation with the buyer of a published requirement.</summary>
    public bool CanAskBuyer { get; private set; }
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];
    public Features.ReferenceData.ReferenceData Reference => reference;

    /// <summary>The public Q&amp;A, when the caller may read it (SMEs and the buyer).</summary>
    public IReadOnlyList<QuestionDto>? Questions { get; private set; }
    public bool CanAsk { get; private set; }
    public bool CanAnswer { get; private set; }
    public bool DeadlinePassed { get; private set; }

    /// <summary>The parties the caller may bid for (its organisation, and each active consortium it leads), with their bid if any.</summary>
    public IReadOnlyList<BidParty> BidParties { get; private set; } = [];
    public IDictionary<string, string[]>? Errors { get; private set; }
    [TempData] public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAskAsync(int id, string? text, CancellationToken ct)
    {
        var asked = await questions.AskAsync(await User.GetActorAsync(db, ct), id, text, ct);
        if (asked.Refusal is { IsNotFound: true }) return NotFound();
        if (asked.Refusal is { } f) return await ShowAsync(id, ct, f.ForForm());
        Message = l["Your question is published; the buyer has been told."];
        return Redirect($"/Requirements/{id}#question-{asked.Value!.Id}");
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, int questionId, string? answer, CancellationToken ct)
    {
        var answered = await questions.AnswerAsync(await User.GetActorAsync(db, ct), id, questionId, answer, ct);
        if (answered.Refusal is { IsNotFound: true }) return NotFound();
        if (answered.Refusal is { } f) return await ShowAsync(id, ct, f.ForForm());
        Message = l["Answer published; every bidder has been told."];
        return Redirect($"/Requirements/{id}#question-{questionId}");
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct, IDictionary<string, string[]>? errors = null)
    {
        Errors = errors;
        var requirement = await db.Requirements.AsNoTracking().Include(r => r.Organization).Include(r => r.Versions)
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        if (requirement is null) return NotFound();
        var actor = await User.GetActorAsync(db, ct);
        IsMember = Access.IsMember(actor, requirement.OrganizationId);
        CanAskBuyer = actor?.IsSme == true && requirement.Status == RequirementStatus.Published;
        if (!requirement.IsVisibleToEveryone && !IsMember) return NotFound();
        Requirement = requirement;
        Versions = VersionView.Build(requirement.Versions);
        DeadlinePassed = requirement.DeadlinePassed(clock.GetUtcNow());
        var listed = await questions.ListAsync(actor, id, ct);
        Questions = listed.Value;
        var open = requirement.Status == RequirementStatus.Published && !DeadlinePassed;
        CanAsk = actor?.IsSme == true && open;
        CanAnswer = actor is not null && Access.CanManageRequirements(actor, requirement.OrganizationId) is null
            && requirement.Status is RequirementStatus.Published or RequirementStatus.Closed;
        if (actor is { IsSme: true, OrganizationId: { } org } && requirement.Status == RequirementStatus.Published && requirement.BidsCloseAt is not null)
            BidParties = await BidPartiesAsync(id, org, ct);
        return Page();
    }

    private async Task<List<BidParty>> BidPartiesAsync(int requirementId, int org, CancellationToken ct)
    {
        var parties = new List<BidParty> { new(null, "your organisation", await bids.PartyBidIdAsync(requirementId, org, null, ct)) };
        var led = await db.Consortia.AsNoTracking()
            .Where(c => c.RequirementId == requirementId && c.LeadOrganizationId == org && c.Status == ConsortiumStatus.Active)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        foreach (var c in led) parties.Add(new BidParty(c.Id, c.Name, await bids.PartyBidIdAsync(requirementId, org, c.Id, ct)));
        return parties;
    }
}

/// <summary>One party the caller may bid for on this page: its own organisation (no consortium) or a consortium it leads.</summary>
public sealed record BidParty(int? ConsortiumId, string Name, int? BidId)
{
    public string FormUrl(int requirementId) => $"/Requirements/{requirementId}/Bid" + (ConsortiumId is { } c ? $"?consortiumId={c}" : "");
}

/// <summary>
/// A version with what differs from the version before: criteria are paired by kind and their order
/// within that kind, so an edited criterion shows as changed rather than as removed and added.
/// </summary>
public sealed record VersionView(RequirementVersion Version, IReadOnlyDictionary<int, string> Marks, IReadOnlyList<Criterion> Removed)
{
    public static IReadOnlyList<VersionView> Build(IEnumerable<RequirementVersion> versions)
    {
        var result = new List<VersionView>();
        RequirementVersion? previous = null;
        foreach (var v in versions.OrderBy(v => v.Number))
        {
            var marks = new Dictionary<int, string>();
            var removed = new List<Criterion>();
            if (previous is not null)
            {
                var beforeKeys = Pair(previous.Criteria);
                var before = beforeKeys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => previous.Criteria[x.i]);
                var now = Pair(v.Criteria);
                for (var i = 0; i < v.Criteria.Count; i++)
                {
                    if (!before.TryGetValue(now[i], out var old)) marks[i] = "new";
                    else if (Key(old) != Key(v.Criteria[i])) marks[i] = "changed";
                }
                var kept = now.ToHashSet();
                removed = previous.Criteria.Where((_, i) => !kept.Contains(beforeKeys[i])).ToList();
            }
            result.Add(new VersionView(v, marks, removed));
            previous = v;
        }
        result.Reverse();
        return result;
    }

    /// <summary>"LeadTimeAtMost#0", "CapabilityFit#1": each criterion's kind and its order among criteria of that kind.</summary>
    private static List<string> Pair(IReadOnlyList<Criterion> criteria)
    {
        var seen = new Dictionary<CriterionKind, int>();
        return criteria.Select(c =>
        {
            var n = seen.GetValueOrDefault(c.Kind);
            seen[c.Kind] = n + 1;
            return $"{c.Kind}#{n}";
        }).ToList();
    }

    // Criteria hold lists, so records compare by reference; compare their JSON instead.
    private static string Key(Criterion c) => JsonSerializer.Serialize(c);
}
