using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Offers;

public static class HeadsOfTermsApi
{
    public static IEndpointRouteBuilder MapHeadsOfTermsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/offers/{offerId:long}/heads-of-terms", DownloadAsync).WithTags("Offers").RequireAuthorization()
            .WithSummary("The printable heads of terms (PDF) of an accepted licence term sheet; the two parties only");
        return app;
    }

    /// <summary>Anyone but the parties, and any offer that is not an accepted licence, gets the same 404: there is nothing to print.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        long offerId, ClaimsPrincipal user, AppDbContext db, HttpResponse response, CancellationToken ct)
    {
        var pdf = await HeadsOfTerms.PdfAsync(db, await user.GetActorAsync(db, ct), offerId, ct);
        if (pdf is null) return Problems.NotFound("The heads of terms");
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(pdf, "application/pdf", $"heads-of-terms-{offerId}.pdf");
    }
}
