using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Consortia;

public static partial class ConsortiaApi
{
    private static void MapCandidates(RouteGroupBuilder group) =>
        group.MapGet("/consortia/{id:int}/candidates", CandidatesAsync)
            .WithSummary("Published SMEs the lead may invite, by part of their name (accents and case aside; the lead only)");

    private static async Task<Results<Ok<List<CandidateDto>>, ValidationProblem, ProblemHttpResult>> CandidatesAsync(
        int id, string? name, ClaimsPrincipal user, AppDbContext db, ConsortiumService service, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await service.CandidatesAsync(actor, id, name, ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value!) : Refused<Ok<List<CandidateDto>>, List<CandidateDto>>(outcome);
    }
}
