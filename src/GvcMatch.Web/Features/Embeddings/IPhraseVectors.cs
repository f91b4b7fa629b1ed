using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>
/// Vectors of single phrases (a profile's capability and material tags, a criterion's keywords),
/// for phrase-to-phrase similarity in scoring. Answers from memory only: a phrase that was never
/// stored (or not yet loaded from another instance's writes) is null, never embedded on the spot,
/// so scoring never waits for the model.
/// </summary>
public interface IPhraseVectors
{
    /// <summary>The phrase's unit vector, or null when unknown. The phrase is normalised by <see cref="EmbeddingTexts.ForPhrase"/>.</summary>
    float[]? Find(string phrase);

    /// <summary>Cosine of two unit vectors (their dot product), in [-1, 1].</summary>
    static float Similarity(float[] a, float[] b) => TensorPrimitives.Dot(a, b);
}

/// <summary>The in-memory phrase cache, filled from the Embeddings table and by every phrase stored here.</summary>
public sealed class PhraseVectors : IPhraseVectors
{
    private readonly ConcurrentDictionary<string, float[]> _byHash = new(StringComparer.Ordinal);

    public int Count => _byHash.Count;

    /// <summary>The newest row loaded so far; the next refresh reads from a little before it.</summary>
    public DateTimeOffset LoadedUpTo { get; private set; } = DateTimeOffset.MinValue;

    public float[]? Find(string phrase)
    {
        var text = EmbeddingTexts.ForPhrase(phrase);
        return text.Length == 0 ? null : _byHash.GetValueOrDefault(VectorBytes.Hash(text));
    }

    public void Add(string textHash, float[] vector) => _byHash[textHash] = vector;

    public void Loaded(DateTimeOffset upTo)
    {
        if (upTo > LoadedUpTo) LoadedUpTo = upTo;
    }
}
