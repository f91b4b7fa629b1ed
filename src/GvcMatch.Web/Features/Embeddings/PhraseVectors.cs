using System.Collections.Concurrent;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>
/// Vectors of single phrases (a profile's capability and material tags, a criterion's keywords),
/// for the scorer's phrase-to-phrase similarity, filled from the Embeddings table and by every
/// phrase stored here. Answers from memory only: a phrase that was never stored (or not yet loaded
/// from another instance's writes) is null, never embedded on the spot, so scoring never waits
/// for the model.
/// </summary>
public sealed class PhraseVectors : GvcMatch.Matching.Understanding.IPhraseVectors
{
    private readonly ConcurrentDictionary<string, float[]> _byHash = new(StringComparer.Ordinal);

    // Scoring asks for the same tags over and over: the phrase itself is the key, so no hash per call.
    private readonly ConcurrentDictionary<string, float[]> _byPhrase = new(StringComparer.Ordinal);

    public int Count => _byHash.Count;

    /// <summary>The newest row loaded so far; the next refresh reads from a little before it.</summary>
    public DateTimeOffset LoadedUpTo { get; private set; } = DateTimeOffset.MinValue;

    public float[]? Find(string phrase)
    {
        if (_byPhrase.TryGetValue(phrase, out var known)) return known;
        var text = EmbeddingTexts.ForPhrase(phrase);
        var vector = text.Length == 0 ? null : _byHash.GetValueOrDefault(VectorBytes.Hash(text));
        if (vector is not null) _byPhrase[phrase] = vector;
        return vector;
    }

    public void Add(string textHash, float[] vector) => _byHash[textHash] = vector;

    public void Loaded(DateTimeOffset upTo)
    {
        if (upTo > LoadedUpTo) LoadedUpTo = upTo;
    }
}
