using System.Security.Claims;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Search;

public sealed record SearchStatusDto(
    long Checkpoint, long LatestOutboxRow, long Pending, IReadOnlyDictionary<DocumentKind, long> Documents, RebuildStatus Rebuild, EmbeddingStatusDto Embeddings);

/// <summary>Semantic matching: whether it is on, the model, the backfill's progress and how many phrases the cache holds.</summary>
public sealed record EmbeddingStatusDto(bool Enabled, string Model, BackfillStatus Backfill, long EmbeddedSinceStart, int CachedPhrases);

public static class SearchAdminApi
{
    public static IEndpointRouteBuilder MapSearchAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/search").WithTags("Admin").RequireAuthorization()
            .RequireActor(actor => actor.IsPlatformAdmin ? null : "Only platform admins manage the search index.");
        group.MapGet("/status", StatusAsync).WithSummary("How far the index is behind the database, and any rebuild's progress");
        group.MapPost("/rebuild", RebuildAsync).WithSummary("Rebuild the whole index from the database while search keeps serving");
        return app;
    }

    private static async Task<Results<Accepted<RebuildStatus>, ProblemHttpResult>> RebuildAsync(
        SearchRebuild rebuild, ClaimsPrincipal user, AuditTrail audit, AppDbContext db, CancellationToken ct)
    {
        if (!await StartRebuildAsync(rebuild, user, audit, db, ct)) return Problems.Conflict("A rebuild is already running.");
        return TypedResults.Accepted("/api/admin/search/status", rebuild.Status);
    }

    /// <summary>Starts a rebuild for an admin (the API and the admin page); false when one is already running.</summary>
    public static async Task<bool> StartRebuildAsync(SearchRebuild rebuild, ClaimsPrincipal user, AuditTrail audit, AppDbContext db, CancellationToken ct)
    {
        if (!rebuild.TryStart()) return false;
        // The rebuild runs in the background and stores nothing of its own; the entry says who started it.
        await audit.AddAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), AuditActions.SearchRebuildStarted,
            new AuditTarget(AuditTargets.SearchIndex, "all", "The whole search index"), ct: ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<Ok<SearchStatusDto>> StatusAsync(
        ISearchIndex index, SearchRebuild rebuild, EmbeddingCache embeddings, EmbeddingBackfill backfill, PhraseVectors phrases, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ReadStatusAsync(index, rebuild, embeddings, backfill, phrases, db, ct));

    /// <summary>What the status endpoint reports; the admin page shows the same.</summary>
    public static async Task<SearchStatusDto> ReadStatusAsync(
        ISearchIndex index, SearchRebuild rebuild, EmbeddingCache embeddings, EmbeddingBackfill backfill, PhraseVectors phrases, AppDbContext db, CancellationToken ct)
    {
        var checkpoint = await index.GetCheckpointAsync(ct);
        var latest = await db.IndexOutbox.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var pending = await db.IndexOutbox.LongCountAsync(e => e.Id > checkpoint, ct);
        var semantic = new EmbeddingStatusDto(embeddings.IsEnabled, embeddings.ModelId, backfill.Status, embeddings.Computed, phrases.Count);
        return new SearchStatusDto(checkpoint, latest, pending, await index.CountAsync(ct), rebuild.Status, semantic);
    }
}
