using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Search;

public sealed record SearchStatusDto(long Checkpoint, long LatestOutboxRow, long Pending, IReadOnlyDictionary<DocumentKind, long> Documents, RebuildStatus Rebuild);

public static class SearchAdminApi
{
    public static IEndpointRouteBuilder MapSearchAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/search").WithTags("Admin").RequireAuthorization()
            .RequireActor(actor => actor.IsPlatformAdmin ? null : "Only platform admins manage the search index.");
        group.MapGet("/status", StatusAsync).WithSummary("How far the index is behind the database, and any rebuild's progress");
        group.MapPost("/rebuild", Results<Accepted<RebuildStatus>, ProblemHttpResult> (SearchRebuild rebuild) =>
                rebuild.TryStart()
                    ? TypedResults.Accepted("/api/admin/search/status", rebuild.Status)
                    : Problems.Conflict("A rebuild is already running."))
            .WithSummary("Rebuild the whole index from the database while search keeps serving");
        return app;
    }

    private static async Task<Ok<SearchStatusDto>> StatusAsync(ISearchIndex index, SearchRebuild rebuild, AppDbContext db, CancellationToken ct)
    {
        var checkpoint = await index.GetCheckpointAsync(ct);
        var latest = await db.IndexOutbox.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var pending = await db.IndexOutbox.LongCountAsync(e => e.Id > checkpoint, ct);
        return TypedResults.Ok(new SearchStatusDto(checkpoint, latest, pending, await index.CountAsync(ct), rebuild.Status));
    }
}
