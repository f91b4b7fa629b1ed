using GvcMatch.Embeddings;

namespace GvcMatch.Embeddings.Tests;

/// <summary>The real model, loaded once for the test run (loading takes a second or two).</summary>
public sealed class MiniLmModel : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new(batchSize: 16);

    public void Dispose() => Generator.Dispose();
}
