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

        // Shortest first: each batch then holds texts of a length, and the model pads a batch to its longest.
        var missing = byHash.Where(h => !vectors.ContainsKey(h.Value)).OrderBy(h => h.Value.Length).ToList();
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
    /// Inserts new rows, skipping any another writer stored first: the backfill and the indexer (or
    /// two app instances) embedding the same text at once insert the same key with the same vector.
    /// <see cref="EmbeddingRows"/> makes that an ignored conflict, neither an error nor a log line.
    /// </summary>
    private static async Task StoreAsync(AppDbContext db, List<StoredEmbedding> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(EmbeddingRows.PerStatement))
        {
            var (sql, parameters) = EmbeddingRows.InsertOrIgnore(db, chunk);
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }
}
