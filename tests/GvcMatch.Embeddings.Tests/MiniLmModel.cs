using GvcMatch.Embeddings;

namespace GvcMatch.Embeddings.Tests;

/// <summary>The real model at one precision, loaded once per test class that uses it (a second or two).</summary>
public abstract class LoadedModel(EmbeddingPrecision precision) : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new(batchSize: 16, precision: precision);

    public void Dispose() => Generator.Dispose();
}

/// <summary>The model as shipped.</summary>
public sealed class MiniLmModel() : LoadedModel(EmbeddingPrecision.Float32);

/// <summary>The same model with its matrix products in int8 (rewritten in memory).</summary>
public sealed class MiniLmInt8Model() : LoadedModel(EmbeddingPrecision.Int8);
