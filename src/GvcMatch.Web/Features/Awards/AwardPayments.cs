using System.Globalization;
using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Awards;

/// <summary>
/// The payment of an award (lot 0: the whole requirement). The requirement's buyer pays; the winning
/// bid's party (the bidder, or an accepted member of its consortium) confirms the day it was paid,
/// and only the organisation that confirmed corrects it, with an audit entry. Both read it; anyone
/// else is told the award does not exist.
/// </summary>
public static class AwardPayments
{
    public static IEndpointRouteBuilder MapAwardPaymentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/requirements/{id:int}/awards/{lot:int}/payment").WithTags("Awards").RequireAuthorization();
        group.MapGet("/", GetAsync).WithSummary("The agreed payment days, the due date and the day paid (the buyer and the winner)");
        group.MapPut("/", ConfirmAsync).WithSummary("Confirm (or correct) the day you were paid (the winning party only)");
        return app;
    }

    private sealed record Loaded(Award Award, int Payer, bool IsWinner);

    private static async Task<Results<Ok<PaymentDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        int id, int lot, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, await user.GetActorAsync(db, ct), id, lot, ct) is { } loaded
            ? TypedResults.Ok(Describe(loaded.Award))
            : Problems.NotFound("The award");

    private static async Task<Results<Ok<PaymentDto>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        int id, int lot, PaymentInput input, ClaimsPrincipal user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (await LoadAsync(db, actor, id, lot, ct) is not { } loaded) return Problems.NotFound("The award");
        if (!loaded.IsWinner) return Problems.Forbidden("Only the paid party confirms that it was paid.");
        var award = loaded.Award;
        var org = actor!.OrganizationId!.Value;
        if (PaymentTerms.Check(input, award.PaidConfirmedByOrganizationId, org, award.AwardedAt, clock.Today()) is { } problem)
            return problem.IsInvalid ? problem.ToValidationProblem() : problem.ToProblem();

        var before = award.PaidOn;
        award.PaidOn = input.PaidOn;
        award.PaidConfirmedByOrganizationId = org;
        var target = new AuditTarget(AuditTargets.Award, award.Id.ToString(CultureInfo.InvariantCulture), $"Requirement {id}, lot {lot}");
        await PaymentTerms.AuditAsync(audit, actor, target, loaded.Payer, before, input.PaidOn!.Value, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Describe(award));
    }

    private static PaymentDto Describe(Award a) => PaymentTerms.Describe(a.PaymentTermsDays, a.AwardedAt, a.PaidOn);

    /// <summary>The award for the buyer's members and the winning party; null for anyone else.</summary>
    private static async Task<Loaded?> LoadAsync(AppDbContext db, Actor? actor, int requirementId, int lot, CancellationToken ct)
    {
        if (actor is null) return null;
        var award = await db.Awards.FirstOrDefaultAsync(a => a.RequirementId == requirementId && a.LotNumber == lot, ct);
        if (award is null) return null;
        var payer = await db.Requirements.Where(r => r.Id == requirementId).Select(r => r.OrganizationId).FirstAsync(ct);
        var bid = await db.Bids.AsNoTracking().FirstAsync(b => b.Id == award.BidId, ct);
        var winner = await BidParty.IncludesAsync(db, actor, bid, ct);
        return winner || actor.IsMemberOf(payer) ? new Loaded(award, payer, winner) : null;
    }
}
