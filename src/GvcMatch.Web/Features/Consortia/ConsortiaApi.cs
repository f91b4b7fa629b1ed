using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

public static partial class ConsortiaApi
{
    public const int MaxTop = 20;

    public static IServiceCollection AddConsortia(this IServiceCollection services) => services.AddSingleton<ComposerService>()
        .AddScoped<ConsortiumService>().AddScoped<ConsortiumNotices>().AddScoped<ConsortiumConversations>()
        .AddScoped<GroupCertificationMessages>();

    public static IEndpointRouteBuilder MapConsortiaApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Consortia").RequireAuthorization();
        group.MapGet("/requirements/{id:int}/consortia", ConsortiaAsync)
            .WithSummary("Sets of 2-4 SMEs that together meet every mandatory criterion (the buyer; any SME on a published requirement)");
        MapMembership(group);
        MapCandidates(group);
        MapGroupCertificates(group);
        MapGroupJoining(group);
        return app;
    }

    /// <summary>
    /// The buyer sees proposals for its own requirement in any state; a signed-in SME sees them for a
    /// published one, and with <c>includeMe=true</c> only sets that include (and need) its own SME.
    /// </summary>
    private static async Task<Results<Ok<ConsortiaDto>, ValidationProblem, ProblemHttpResult>> ConsortiaAsync(
        int id, ClaimsPrincipal user, AppDbContext db, ComposerService composer, CancellationToken ct, int top = 5, bool includeMe = false)
    {
        if (top is < 1 or > MaxTop) return Problems.Invalid("top", $"top is 1 to {MaxTop}.");
        var actor = await user.GetActorAsync(db, ct);
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (actor is null || requirement is null) return Problems.NotFound("The requirement");
        if (!actor.IsMemberOf(requirement.OrganizationId))
        {
            if (!requirement.IsVisibleToEveryone) return Problems.NotFound("The requirement");
            if (!actor.IsSme) return Problems.Forbidden("Consortium proposals are for the requirement's buyer and for SMEs.");
        }
        if (!includeMe) return TypedResults.Ok(await composer.ComposeAsync(requirement, null, top, ct));

        if (!actor.IsSme || actor.OrganizationId is not { } orgId)
            return Problems.Invalid("includeMe", "Only an SME can ask for partners that complete its own bid.");
        var me = await SupplierDocuments.LoadOwnFactsAsync(db, orgId, ct);
        if (me is null) return Problems.NotFound("Your capability profile");
        return TypedResults.Ok(await composer.ComposeAsync(requirement, me, top, ct));
    }
}
