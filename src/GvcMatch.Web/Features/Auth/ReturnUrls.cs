using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Features.Auth;

/// <summary>
/// The sign-in and sign-out pages only go back to a page of this site. Any other <c>returnUrl</c>
/// (another host, a protocol-relative <c>//host</c>, a <c>/\host</c>, a scheme) answers 400 with a
/// ProblemDetails naming the field, before anything else happens, instead of an open redirect or
/// an error page.
/// </summary>
public static class ReturnUrls
{
    public const string Field = "returnUrl";

    public static IActionResult? Refuse(IUrlHelper url, string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || url.IsLocalUrl(returnUrl)
            ? null
            : new ProblemActionResult(TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [Field] = ["Must be a path on this site, such as /Account/Dashboard."] }));

    /// <summary>Runs a minimal-API result (here a ProblemDetails) from a page handler.</summary>
    private sealed class ProblemActionResult(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
