using System.Collections.Concurrent;
using GvcMatch.Embeddings;
using Microsoft.Extensions.AI;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// The real sentence model, asked once per test process for each text. Every test app starts on an
/// empty database, so without this each one embeds the same sample texts again (about 17 ms of CPU
/// a text on two cores); the app's own cache (the Embeddings table) still works as in production
/// above this, since the app sees the same vectors the model returned the first time. One memo per
/// precision, each filing its vectors under that model's id, so a test app runs the model its
/// <c>Embeddings:Precision</c> names (int8 unless it says otherwise). Tests that count or replace
/// the model register their own generator, which wins over this one.
/// </summary>
internal sealed class EmbeddingMemo(MiniLmEmbeddingGenerator model) : DelegatingEmbeddingGenerator<string, Embedding<float>>(model)
{
    private static readonly ConcurrentDictionary<EmbeddingPrecision, EmbeddingMemo> Memos = new();

    /// <summary>The memo of the model the app runs by default.</summary>
    public static EmbeddingMemo Shared => For(TestModel.DefaultPrecision);

    /// <summary>The memo of the process's shared model of <paramref name="precision"/> (the int8 one is rewritten in memory, once).</summary>
    public static EmbeddingMemo For(EmbeddingPrecision precision) =>
        Memos.GetOrAdd(precision, p => new EmbeddingMemo(MiniLmEmbeddingGenerator.SharedFor(p, null)));

    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly string _modelId = MiniLmEmbeddingGenerator.ModelIdOf(model.Precision);

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var missing = texts.Where(t => !_vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var computed = await base.GenerateAsync(missing, options, cancellationToken);
            for (var i = 0; i < missing.Count; i++) _vectors.TryAdd(missing[i], computed[i].Vector.ToArray());
        }
        var now = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        // A copy each time: callers may normalise a vector in place.
        foreach (var text in texts)
            result.Add(new Embedding<float>(_vectors[text].ToArray()) { ModelId = _modelId, CreatedAt = now });
        return result;
    }

    // The shared model lives as long as the process; a test host disposing its singletons must not end it.
    protected override void Dispose(bool disposing)
    {
    }
}
