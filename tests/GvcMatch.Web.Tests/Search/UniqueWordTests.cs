using System.Numerics.Tensors;
using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Search;

/// <summary>
/// Tests isolate their data with <see cref="SearchProbe.UniqueWord"/>; two such words in one test
/// stand for two different capabilities, so the model must never read them as the same one.
/// </summary>
public sealed class UniqueWordTests
{
    [Fact]
    public async Task Two_unique_words_almost_never_embed_close_enough_to_count_as_the_same_capability()
    {
        var words = Enumerable.Range(0, 600).Select(_ => SearchProbe.UniqueWord()).ToList();

        var vectors = (await TestModel.Default.GenerateAsync(words)).Select(e => e.Vector.ToArray()).ToList();

        var similar = Enumerable.Range(0, vectors.Count / 2).Select(i => TensorPrimitives.Dot<float>(vectors[2 * i], vectors[2 * i + 1]))
            .Where(cosine => cosine >= CapabilityReader.SimilarityMet).ToList();
        // Made-up words are not guaranteed apart, only very rarely close: words with a shared prefix
        // passed in about 12 of 300 pairs, these in none of 1,500. More than one in 300 is a rate that
        // makes tests with two such words flaky.
        Assert.True(similar.Count <= 1, $"{similar.Count} of 300 pairs of unique words reached {CapabilityReader.SimilarityMet}: {string.Join(", ", similar.Select(c => c.ToString("0.00")))}");
    }
}
