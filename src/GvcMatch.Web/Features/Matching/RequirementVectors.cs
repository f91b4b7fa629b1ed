using System.Collections.Concurrent;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Web.Features.Matching;

/// <summary>
/// A requirement's vector for the nearest-neighbour list of retrieval: the one stored when it was
/// published (the indexer embeds it), read by the hash of its text. Null when the semantic stage is off.
/// </summary>
/// <remarks>
/// Vectors found are kept in memory by their text: a text's vector never changes for the model
/// loaded, and a buyer's match list is asked for again and again, so only the first ask of a text
/// costs a database round trip. An edited requirement has another text, hence another entry.
/// </remarks>
public sealed class RequirementVectors(EmbeddingCache embeddings, IServiceScopeFactory scopes)
{
    /// <summary>Texts kept; past this the memory is emptied and refilled by the next asks (a few MB at most).</summary>
    public const int Remembered = 2_000;

    private readonly ConcurrentDictionary<string, float[]> _known = new(StringComparer.Ordinal);

    public async Task<float[]?> FindAsync(Requirement requirement, CancellationToken ct)
    {
        if (!embeddings.IsEnabled) return null;
        var text = EmbeddingTexts.ForRequirement(requirement);
        if (_known.TryGetValue(text, out var known)) return known;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var embedded = await embeddings.GetOrCreateAsync(db, [text], EmbeddingKind.Document, ct);
        if (embedded.Vectors.GetValueOrDefault(text) is not { } vector) return null;
        if (_known.Count >= Remembered) _known.Clear();
        _known[text] = vector;
        return vector;
    }
}
