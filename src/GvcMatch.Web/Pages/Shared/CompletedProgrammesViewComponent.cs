using GvcMatch.Web.Features.DevelopmentProgrammes;
using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>On a supplier's public page: the development programmes it completed, with who ran them and when.</summary>
public sealed class CompletedProgrammesViewComponent(ProgrammeService programmes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int organizationId)
    {
        var completed = await programmes.CompletedAsync(organizationId, HttpContext.RequestAborted);
        return completed.Count == 0 ? Content("") : View(completed);
    }
}
