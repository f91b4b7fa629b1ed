using GvcMatch.Benchmarks.Infrastructure;
using System.Diagnostics;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Benchmarks.Reindex;

/// <summary>
/// Gives every indexable profile of a generated database a stored vector, as the backfill would
/// have, so the reindex measured after it reads vectors instead of running the model (embedding a
/// hundred thousand texts takes a quarter of an hour on two cores). The vectors are random unit
/// vectors: the rebuild's cost does not depend on their values.
/// </summary>
public static class StoredVectorSeeder
{
    public static async Task<int> SeedAsync(IServiceProvider services, DateOnly today)
    {
        var modelId = services.GetRequiredService<EmbeddingModel>().ModelId;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(11);
        var watch = Stopwatch.StartNew();
        var added = 0;
        for (var last = 0; ;)
        {
            var page = await SupplierDocuments.Indexable(db, today).Where(p => p.OrganizationId > last).OrderBy(p => p.OrganizationId).Take(1000).ToListAsync();
            if (page.Count == 0) break;
            last = page[^1].OrganizationId;
            var hashes = page.Select(p => VectorBytes.Hash(EmbeddingTexts.ForProfile(p, Repo.Vocabulary))).Distinct().ToList();
            var stored = await db.Embeddings.Where(e => e.Model == modelId && hashes.Contains(e.TextHash)).Select(e => e.TextHash).ToListAsync();
            var rows = hashes.Except(stored).Select(hash => new StoredEmbedding
            {
                Model = modelId, TextHash = hash, Kind = EmbeddingKind.Document, Dimensions = 384,
                Vector = VectorBytes.ToBytes(RandomUnit(random, 384)), CreatedAt = DateTimeOffset.UtcNow,
            }).ToList();
            db.Embeddings.AddRange(rows);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            added += rows.Count;
        }
        Console.WriteLine($"Stored vectors: {added:N0} added in {watch.Elapsed.TotalSeconds:0.0} s (profiles that had one kept it).");
        return added;
    }

    private static float[] RandomUnit(Random random, int dimensions)
    {
        var v = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
