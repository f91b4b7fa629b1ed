using System.Globalization;
using GvcMatch.Web.Features.Offers;

namespace GvcMatch.Web.Pages.Conversations;

/// <summary>An offer card: the terms, the state, and whose offer it is (the buttons depend on it).</summary>
public sealed record OfferCardView(OfferDto Offer, bool ProposedByMe)
{
    public string Agreement => $"/Conversations/{Offer.ConversationId}/Agreement/{Offer.Id}";

    /// <summary>Figures in the reader's culture (12,000.5 / 12.000,5), as the script writes them for live cards.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.####", CultureInfo.CurrentCulture);

    /// <summary>Prices keep at least two decimals, as they are written on a quote; the currency code follows.</summary>
    public static string Money(decimal value) => value.ToString("#,##0.00##", CultureInfo.CurrentCulture);

    /// <summary>Bootstrap badge colour per state; negotiate.js keeps the same table.</summary>
    public static string StateClass(string state) => state switch
    {
        nameof(OfferState.Proposed) => "text-bg-primary",
        nameof(OfferState.Accepted) => "text-bg-success",
        nameof(OfferState.Countered) => "text-bg-info",
        nameof(OfferState.Rejected) => "text-bg-danger",
        _ => "text-bg-secondary",
    };
}

/// <summary>A message in the history; <see cref="Card"/> is set on the first message about an offer.</summary>
public sealed record MessageView(Features.Conversations.MessageDto Message, bool Own, bool SeenByOthers, OfferCardView? Card);
