using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.GapPlans;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Roadmaps;

/// <summary>
/// A road-map item. Its buyer sees the suppliers that fit, the expressions of interest and the
/// turn into a requirement; an SME sees its score with the explanation, its gap plan, following
/// and its own expression of interest. A caller that may not see the item gets 404.
/// </summary>
public sealed class DetailsModel(AppDbContext db, RoadmapMatching matching, RoadmapInterest interest, RoadmapService items, RoadmapHandoff handoff,
    GapPlanService plans, MatchContexts contexts, IpMatching ipMatching, TimeProvider clock) : PageModel
{
    public RoadmapItem Item { get; private set; } = null!;
    public bool IsBuyer { get; private set; }
    public bool IsSme { get; private set; }

    public IReadOnlyList<SupplierMatchDto> Suppliers { get; private set; } = [];
    public IReadOnlyList<IpMatchDto> Listings { get; private set; } = [];
    public IReadOnlyList<InterestDto> Interests { get; private set; } = [];
    public int Followers { get; private set; }

    public IReadOnlyList<CriterionScoreDto>? MyScore { get; private set; }
    public double? MyTotal { get; private set; }
    public bool MyQualified { get; private set; }
    public GapPlanDto? Plan { get; private set; }
    public FollowingDto? Following { get; private set; }
    public InterestDto? MyInterest { get; private set; }

    public IDictionary<string, string[]>? Errors { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (await RoadmapAccess.FindVisibleAsync(db, actor, id, ct) is not { } item) return NotFound();
        Item = item;
        IsBuyer = Access.IsMember(actor, item.OrganizationId);
        if (IsBuyer)
        {
            if (item.Status == RoadmapStatus.Published)
            {
                Suppliers = await matching.SuppliersForAsync(item, 10, ct);
                Listings = await ipMatching.ListingsForAsync(item, 10, ct);
            }
            Interests = await interest.ListAsync(id, ct);
            Followers = await db.Set<RoadmapItemFollow>().CountAsync(f => f.ItemId == id, ct);
        }
        else if (actor is { IsSme: true, OrganizationId: { } org })
        {
            IsSme = true;
            Following = await interest.FollowingAsync(org, ct);
            MyInterest = (await interest.MineAsync(actor, id, ct)).Value;
            if (await SupplierDocuments.LoadOwnFactsAsync(db, org, ct) is { } facts)
            {
                var result = matching.Score(item, facts, clock.Today());
                (MyScore, MyTotal, MyQualified) = (result.Criteria.Select(CriterionScoreDto.From).ToList(), result.Total, result.Qualified);
                Plan = await plans.PlanAsync(GapSubjects.RoadmapItem, item.Id, item.Title, item.Version, item.Criteria, contexts.For(item.Description), facts, ct);
            }
        }
        return Page();
    }

    public Task<IActionResult> OnPostFollowAsync(int id, bool follow, CancellationToken ct) =>
        ActAsync(id, async actor => (await interest.FollowItemAsync(actor, id, follow, ct)).Refusal, ct);

    public async Task<IActionResult> OnPostFollowBuyerAsync(int id, bool follow, CancellationToken ct)
    {
        var buyer = await db.Set<RoadmapItem>().Where(i => i.Id == id).Select(i => (int?)i.OrganizationId).FirstOrDefaultAsync(ct);
        return await ActAsync(id, async actor => buyer is null ? Refusal.NotFound("The road-map item") : (await interest.FollowBuyerAsync(actor, buyer.Value, follow, ct)).Refusal, ct);
    }

    public Task<IActionResult> OnPostInterestAsync(int id, string? note, string? capabilities, string? capacity, CancellationToken ct) =>
        ActAsync(id, async actor => (await interest.ExpressAsync(actor, id, new InterestInput(note, FormHelpers.SplitList(capabilities), capacity), ct)).Refusal, ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        ActAsync(id, async actor => await RoadmapAccess.FindOwnAsync(db, actor, id, ct) is { Refusal: null, Value: { } item }
            ? (await items.WithdrawAsync(item, ct)).Refusal : Refusal.Forbidden("Only the buyer withdraws its items."), ct);

    public async Task<IActionResult> OnPostConvertAsync(int id, DateOnly? responseDeadline, string? deliveryCountry, CancellationToken ct)
    {
        int? requirement = null;
        var result = await ActAsync(id, async actor =>
        {
            var own = await RoadmapAccess.FindOwnAsync(db, actor, id, ct);
            if (own.Refusal is { } refused) return refused;
            var converted = await handoff.ConvertAsync(actor!, own.Value!, new ConvertInput(responseDeadline, string.IsNullOrWhiteSpace(deliveryCountry) ? null : deliveryCountry.Trim()), ct);
            requirement = converted.Value?.Id;
            return converted.Refusal;
        }, ct);
        return requirement is { } created ? Redirect($"/Requirements/{created}") : result;
    }

    /// <summary>Runs a change; a refusal about a field is shown on the page, 404 and 403 answer as the API does.</summary>
    private async Task<IActionResult> ActAsync(int id, Func<Actor?, Task<Refusal?>> change, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (await RoadmapAccess.FindVisibleAsync(db, actor, id, ct) is null) return NotFound();
        var refused = await change(actor);
        if (refused is null) return RedirectToPage(new { id });
        if (refused.IsNotFound) return NotFound();
        if (refused.IsForbidden) return Forbid();
        Errors = refused.ForForm();
        return await OnGetAsync(id, ct);
    }
}
