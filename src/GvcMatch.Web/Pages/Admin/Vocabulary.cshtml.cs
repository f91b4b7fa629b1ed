using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Vocabulary;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Admin;

/// <summary>For platform admins: the tags people typed most that the capability vocabulary does not know, to grow it.</summary>
public sealed class VocabularyModel(AppDbContext db, CapabilityVocabulary vocabulary) : PageModel
{
    public const int Shown = 100;

    public UnknownTagsDto? Report { get; private set; }
    public string? Denied { get; private set; }
    public int Concepts => vocabulary.Count;
    public string Version => vocabulary.Version;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await User.GetActorAsync(db, ct) is not { IsPlatformAdmin: true })
        {
            // A page that says why, with the status an API client would get (not a redirect to the sign-in page).
            Denied = "Only platform admins read the vocabulary report.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Report = await UnknownTags.ReadAsync(db, vocabulary, Shown, ct);
        return Page();
    }
}
