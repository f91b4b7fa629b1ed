using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Conversations;

/// <summary>
/// The print-friendly summary of an accepted offer. Participants only; for anyone else, and for
/// an offer that is not accepted, there is nothing here (404).
/// </summary>
[Authorize]
public sealed class AgreementModel(AppDbContext db, Features.ReferenceData.ReferenceData reference) : PageModel
{
    public AgreementDto Agreement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long conversationId, long offerId, CancellationToken ct)
    {
        var (agreement, _) = await AgreementQuery.LoadAsync(db, await User.GetActorAsync(db, ct), offerId, ct);
        // The offer must also belong to the conversation in the address, or the link is wrong.
        if (agreement is null || agreement.ConversationId != conversationId) return NotFound();
        Agreement = agreement;
        return Page();
    }

    public string Country(string code) => reference.NameOf("countries", code) ?? code;

    public string Currency(string code) => reference.NameOf("currencies", code) is { } name ? $"{code} ({name})" : code;
}
