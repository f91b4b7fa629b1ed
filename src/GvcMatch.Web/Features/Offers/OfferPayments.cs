using System.Globalization;
using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Offers;

/// <summary>
/// The payment of an accepted supply offer. The buyer is the conversation's one MNE party and pays;
/// the other parties are paid, and one of them confirms the day it was paid (then corrects it,
/// itself only, with an audit entry). Both sides read it; anyone else is told the offer does not exist.
/// </summary>
public static class OfferPayments
{
    public static IEndpointRouteBuilder MapOfferPaymentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/offers/{offerId:long}/payment").WithTags("Offers").RequireAuthorization();
        group.MapGet("/", GetAsync).WithSummary("The agreed payment days, the due date and the day paid (both parties)");
        group.MapPut("/", ConfirmAsync).WithSummary("Confirm (or correct) the day you were paid (the paid party only)");
        return app;
    }

    private sealed record Payment(Offer Offer, int Payer);

    private static async Task<Results<Ok<PaymentDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long offerId, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var (payment, refused) = await LoadAsync(db, await user.GetActorAsync(db, ct), offerId, ct);
        return payment is null ? refused!.ToProblem() : TypedResults.Ok(Describe(payment.Offer));
    }

    private static async Task<Results<Ok<PaymentDto>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        long offerId, PaymentInput input, ClaimsPrincipal user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var (payment, refused) = await LoadAsync(db, actor, offerId, ct);
        if (payment is null) return refused!.ToProblem();
        var offer = payment.Offer;
        var org = actor!.OrganizationId!.Value;
        if (org == payment.Payer) return Problems.Forbidden("Only the paid party confirms that it was paid.");
        var agreedAt = offer.DecidedAt ?? offer.CreatedAt;
        if (PaymentTerms.Check(input, offer.PaidConfirmedByOrganizationId, org, agreedAt, clock.Today()) is { } problem)
            return problem.IsInvalid ? problem.ToValidationProblem() : problem.ToProblem();

        var before = offer.PaidOn;
        offer.PaidOn = input.PaidOn;
        offer.PaidConfirmedByOrganizationId = org;
        var target = new AuditTarget(AuditTargets.Offer, offer.Id.ToString(CultureInfo.InvariantCulture), $"Offer {offer.Id}");
        await PaymentTerms.AuditAsync(audit, actor, target, payment.Payer, before, input.PaidOn!.Value, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Describe(offer));
    }

    private static PaymentDto Describe(Offer o) => PaymentTerms.Describe(o.PaymentTermsDays, o.DecidedAt ?? o.CreatedAt, o.PaidOn);

    /// <summary>The offer for a party of its conversation, when it is an accepted supply agreement with one buyer.</summary>
    private static async Task<(Payment?, Refusal?)> LoadAsync(AppDbContext db, Actor? actor, long offerId, CancellationToken ct)
    {
        if (actor?.OrganizationId is not { } org) return (null, Refusal.NotFound("The offer"));
        var offer = await db.Set<Offer>().FirstOrDefaultAsync(o => o.Id == offerId
            && db.Set<ConversationParty>().Any(p => p.ConversationId == o.ConversationId && p.OrganizationId == org), ct);
        if (offer is null) return (null, Refusal.NotFound("The offer"));
        if (offer.State != OfferState.Accepted || offer.Kind != OfferKind.Supply)
            return (null, Refusal.Conflict("Payments are recorded on accepted supply offers only."));
        var buyers = await (from p in db.Set<ConversationParty>()
                            join o in db.Organizations on p.OrganizationId equals o.Id
                            where p.ConversationId == offer.ConversationId && o.Kind == OrganizationKind.Mne
                            select o.Id).ToListAsync(ct);
        return buyers.Count == 1
            ? (new Payment(offer, buyers[0]), null)
            : (null, Refusal.Conflict("Payments are recorded on agreements with exactly one buyer (MNE) party, who pays."));
    }
}
