using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Offers;

/// <summary>The paid party's confirmation of the day it was paid.</summary>
public sealed record PaymentInput(DateOnly? PaidOn);

/// <summary>
/// An agreement's payment as its parties see it. The clock starts on the day of the agreement (the
/// offer accepted, the award made): the platform knows no invoice or delivery date, so the agreed
/// days are read from there. <see cref="ActualDays"/> is null until the payment is confirmed.
/// </summary>
public sealed record PaymentDto(int? AgreedDays, DateOnly AgreedOn, DateOnly? DueOn, DateOnly? PaidOn, int? ActualDays, bool? Late);

/// <summary>The rules payments share between accepted offers and awards.</summary>
public static class PaymentTerms
{
    public static PaymentDto Describe(int? agreedDays, DateTimeOffset agreedAt, DateOnly? paidOn)
    {
        var start = DateOnly.FromDateTime(agreedAt.UtcDateTime);
        var due = agreedDays is { } days ? start.AddDays(days) : (DateOnly?)null;
        return new PaymentDto(agreedDays, start, due, paidOn, paidOn is { } paid ? paid.DayNumber - start.DayNumber : null,
            paidOn is { } p && due is { } d ? p > d : null);
    }

    /// <summary>
    /// Whether this organisation may confirm: once by any paid party, then corrected only by the one
    /// that confirmed; and the date is one that can be true (not before the agreement, not in the future).
    /// </summary>
    public static Refusal? Check(PaymentInput input, int? confirmedBy, int organizationId, DateTimeOffset agreedAt, DateOnly today)
    {
        if (confirmedBy is { } by && by != organizationId)
            return Refusal.Forbidden("The payment was confirmed by another organisation of your side; only it corrects the date.");
        var start = DateOnly.FromDateTime(agreedAt.UtcDateTime);
        return input.PaidOn switch
        {
            null => Refusal.Invalid("paidOn", "Give the day you were paid (yyyy-MM-dd)."),
            { } d when d > today => Refusal.Invalid("paidOn", $"The day you were paid cannot be after today ({today:yyyy-MM-dd})."),
            { } d when d < start => Refusal.Invalid("paidOn", $"The day you were paid cannot be before the agreement ({start:yyyy-MM-dd})."),
            _ => null,
        };
    }

    /// <summary>Stages the audit entry: the first confirmation, or a correction naming the date it replaces.</summary>
    public static Task AuditAsync(AuditTrail audit, Actor actor, AuditTarget target, int payer, DateOnly? before, DateOnly paidOn, CancellationToken ct) =>
        audit.AddAsync(actor.UserId, before is null ? AuditActions.PaymentConfirmed : AuditActions.PaymentCorrected, target, payer,
            before is { } was ? $"Paid on {paidOn:yyyy-MM-dd} (was {was:yyyy-MM-dd})." : $"Paid on {paidOn:yyyy-MM-dd}.", ct);
}
