using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Profiles;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>
/// The states and counts the SME's pages show (bids, offers, conversations, profiles) in the
/// interface language. Counts pick the singular text for one, because "1 days" reads wrong in
/// English and Spanish alike; Japanese uses the same text for both.
/// </summary>
public static class PageWords
{
    public static string Bid(this IStringLocalizer<SharedResource> l, BidStatus status) => l[status switch
    {
        BidStatus.Submitted => "Submitted",
        BidStatus.Withdrawn => "Withdrawn",
        _ => "Draft",
    }];

    public static string Offer(this IStringLocalizer<SharedResource> l, string state) => l[state switch
    {
        nameof(OfferState.Proposed) => "Proposed",
        nameof(OfferState.Countered) => "Countered",
        nameof(OfferState.Accepted) => "Accepted",
        nameof(OfferState.Rejected) => "Rejected",
        nameof(OfferState.Withdrawn) => "Withdrawn",
        nameof(OfferState.Expired) => "Expired",
        _ => state,
    }];

    public static string Topic(this IStringLocalizer<SharedResource> l, ConversationTopic topic) => l[topic switch
    {
        ConversationTopic.Requirement => "Requirement",
        ConversationTopic.Match => "Supplier match",
        ConversationTopic.IpListing => "IP listing",
        _ => "Direct",
    }];

    public static string Publication(this IStringLocalizer<SharedResource> l, PublicationStatus status) =>
        l[status == PublicationStatus.Published ? "Published" : "Draft"];

    public static string Evidence(this IStringLocalizer<SharedResource> l, EvidenceLevel level) => l[level switch
    {
        EvidenceLevel.DocumentChecked => "document checked",
        EvidenceLevel.VerifiedByIntermediary => "verified by an intermediary",
        EvidenceLevel.VerifiedByIssuer => "verified by the issuer",
        _ => "self-declared",
    }];

    public static string Days(this IStringLocalizer<SharedResource> l, int days) =>
        l.Plural(days, "1 day", "{0} days");

    public static string Months(this IStringLocalizer<SharedResource> l, int months) =>
        l.Plural(months, "1 month", "{0} months");

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// A text that was written in English and stored that way (the reasons the bid evaluation
    /// computed and saved with each score), marked as English so readers and screen readers know.
    /// Texts the matcher writes at request time come in the reader's language and need no mark.
    /// </summary>
    public static IHtmlContent InEnglish(string? text) => new HtmlString($"<span lang=\"en\">{Encoder.Encode(text ?? "")}</span>");

    /// <summary>Criterion marks on the version history ("new", "changed") come from the page model in English.</summary>
    public static string Mark(this IStringLocalizer<SharedResource> l, string mark) => l[mark == "new" ? "new" : "changed"];
}
