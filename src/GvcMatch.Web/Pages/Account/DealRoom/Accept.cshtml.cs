using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account.DealRoom;

/// <summary>The accept button of the NDA gate: the same rules as the API, then back to the object's page.</summary>
public sealed class AcceptModel(AppDbContext db, NdaService ndas) : PageModel
{
    public IDictionary<string, string[]>? Errors { get; private set; }
    public string Back { get; private set; } = "/";

    public IActionResult OnGet() => Redirect("/Account/Ndas");

    public async Task<IActionResult> OnPostAsync(NdaSubject subject, int id, string? textSha256, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        var accepted = await ndas.AcceptAsync(actor, subject, id, new NdaAcceptInput(textSha256), NdasApi.AddressOf(HttpContext), ct);
        Back = NdaSubjects.PagePath(subject, id);
        if (accepted.Refusal is { IsNotFound: true }) return NotFound();
        if (accepted.Refusal is { } refused)
        {
            Errors = refused.ForForm();
            Response.StatusCode = refused.Status;
            return Page();
        }
        return Redirect(Back);
    }
}
