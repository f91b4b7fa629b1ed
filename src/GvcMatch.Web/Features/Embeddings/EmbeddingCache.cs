using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>Vectors for a set of texts, and which of them the model had to compute now.</summary>
public sealed record EmbeddedTexts(IReadOnlyDictionary<string, float[]> Vectors, IReadOnlySet<string> Computed)
{
    public static readonly EmbeddedTexts None = new(new Dictionary<string, float[]>(), new HashSet<string>());
}

/// <summary>
/// Text → vector through the Embeddings table: stored vectors are read, only texts never seen by
/// this model are embedded (in batches) and stored. Every caller that needs a vector (the indexer,
/// the rebuild, the backfill) comes here, so no text is embedded twice.
/// </summary>
public sealed class EmbeddingCache(EmbeddingModel model, PhraseVectors phrases, IOptions<SemanticOptions> options, TimeProvider clock)
{
    /// <summary>Hashes per database round trip; well under both providers' parameter limits.</summary>
    private const int LookupChunk = 500;

    private long _computed;

    public bool IsEnabled => model.IsEnabled;

    public string ModelId => model.ModelId;

    /// <summary>Texts the model has embedded since start (what stored vectors saved is everything else).</summary>
    public long Computed => Interlocked.Read(ref _computed);

    public async Task<EmbeddedTexts> GetOrCreateAsync(AppDbContext db, IEnumerable<string> texts, EmbeddingKind kind, CancellationToken ct)
    {
        if (model.Generator is not { } generator) return EmbeddedTexts.None;
        var modelId = model.ModelId;
        var byHash = texts.Distinct(StringComparer.Ordinal).ToDictionary(VectorBytes.Hash, t => t, StringComparer.Ordinal);
        var vectors = new Dictionary<string, float[]>(byHash.Count, StringComparer.Ordinal);
        foreach (var (hash, vector) in await LoadAsync(db, modelId, byHash.Keys, ct)) vectors[byHash[hash]] = vector;

        var missing = byHash.Where(h => !vectors.ContainsKey(h.Value)).ToList();
        var computed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in missing.Chunk(options.Value.BatchSize))
        {
            var embeddings = await generator.GenerateAsync(batch.Select(b => b.Value), cancellationToken: ct);
            Interlocked.Add(ref _computed, batch.Length);
            var now = clock.GetUtcNow();
            var rows = new List<StoredEmbedding>(batch.Length);
            for (var i = 0; i < batch.Length; i++)
            {
                var vector = embeddings[i].Vector.ToArray();
                vectors[batch[i].Value] = vector;
                computed.Add(batch[i].Value);
                rows.Add(new StoredEmbedding
                {
                    Model = modelId, TextHash = batch[i].Key, Kind = kind, Dimensions = vector.Length,
                    Vector = VectorBytes.ToBytes(vector), CreatedAt = now,
                });
            }
            await StoreAsync(db, rows, ct);
        }
        if (kind == EmbeddingKind.Phrase)
            foreach (var (hash, text) in byHash) phrases.Add(hash, vectors[text]);
        return new EmbeddedTexts(vectors, computed);
    }

    private static async Task<List<(string Hash, float[] Vector)>> LoadAsync(AppDbContext db, string modelId, IEnumerable<string> hashes, CancellationToken ct)
    {
        var found = new List<(string, float[])>();
        foreach (var chunk in hashes.Chunk(LookupChunk))
        {
            var rows = await db.Embeddings.AsNoTracking()
                .Where(e => e.Model == modelId && chunk.Contains(e.TextHash))
                .Select(e => new { e.TextHash, e.Vector }).ToListAsync(ct);
            found.AddRange(rows.Select(r => (r.TextHash, VectorBytes.ToVector(r.Vector))));
        }
        return found;
    }

    /// <summary>
    /// Inserts new rows. Another instance embedding the same text at the same moment inserts the
    /// same key with the same vector: that collision is harmless, so the rows it already wrote are
    /// skipped and the rest inserted again.
    /// </summary>
    private static async Task StoreAsync(AppDbContext db, List<StoredEmbedding> rows, CancellationToken ct)
    {
        db.Embeddings.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            Detach(db, rows);
            var existing = (await LoadAsync(db, rows[0].Model, rows.Select(r => r.TextHash), ct)).Select(r => r.Hash).ToHashSet(StringComparer.Ordinal);
            var rest = rows.Where(r => !existing.Contains(r.TextHash)).ToList();
            if (rest.Count == 0) return;
            db.Embeddings.AddRange(rest);
            await db.SaveChangesAsync(ct);
            rows = rest;
        }
        // Callers page through thousands of rows with one context: stored rows need no tracking.
        Detach(db, rows);
    }

    private static void Detach(AppDbContext db, IEnumerable<StoredEmbedding> rows)
    {
        foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
    }
}
