using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Offers;

public sealed partial class OfferService
{
    /// <summary>
    /// The IP listing a licence offer is about: the one the terms name, else the one a counter
    /// inherits, else the listing the conversation was started about. It must be published and
    /// belong to one of the conversation's parties: a term sheet licenses the licensor's own right.
    /// A supply offer is about no listing.
    /// </summary>
    private async Task<(int? ListingId, Refusal? Refusal)> LicensedListingAsync(long conversationId, OfferTerms terms, int? inherited, CancellationToken ct)
    {
        if (terms.Kind != OfferKind.Licence) return (null, null);
        var named = terms.IpListingId ?? inherited;
        if (named is null)
        {
            var about = await db.Set<Conversation>().AsNoTracking().Where(c => c.Id == conversationId)
                .Select(c => new { c.Topic, c.AboutId }).FirstAsync(ct);
            if (about.Topic == ConversationTopic.IpListing) named = about.AboutId;
        }
        if (named is not { } id) return (null, ListingRefusal("Name the IP listing the licence is about."));
        var owner = await db.IpListings.AsNoTracking().Where(i => i.Id == id && i.Status == PublicationStatus.Published)
            .Select(i => (int?)i.OrganizationId).FirstOrDefaultAsync(ct);
        if (owner is null || !await store.IsPartyAsync(conversationId, owner, ct))
            return (null, ListingRefusal("The IP listing must be a published listing of one of the conversation's parties."));
        return (id, null);
    }

    private static Refusal ListingRefusal(string message) => new(StatusCodes.Status400BadRequest, "The offer's terms are not valid.",
        new Dictionary<string, string[]> { ["ipListingId"] = [message] });
}
