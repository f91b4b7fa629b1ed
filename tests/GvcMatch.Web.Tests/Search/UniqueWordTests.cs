using System.Numerics.Tensors;
using GvcMatch.Embeddings;
using GvcMatch.Matching.Understanding;

namespace GvcMatch.Web.Tests.Search;

/// <summary>
/// Tests isolate their data with <see cref="SearchProbe.UniqueWord"/>; two such words in one test
/// stand for two different capabilities, so the model must never read them as the same one.
/// </summary>
public sealed class UniqueWordTests
{
    [Fact]
    public async Task Two_unique_words_never_embed_close_enough_to_count_as_the_same_capability()
    {
        var words = Enumerable.Range(0, 600).Select(_ => SearchProbe.UniqueWord()).ToList();

        var vectors = (await MiniLmEmbeddingGenerator.Shared.GenerateAsync(words)).Select(e => e.Vector.ToArray()).ToList();

        var closest = Enumerable.Range(0, vectors.Count / 2).Max(i => TensorPrimitives.Dot<float>(vectors[2 * i], vectors[2 * i + 1]));
        Assert.True(closest < CapabilityReader.SimilarityMet, $"two unique words reached {closest:0.00}");
    }
}
