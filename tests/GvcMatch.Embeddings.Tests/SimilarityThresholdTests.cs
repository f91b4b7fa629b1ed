using System.Numerics.Tensors;
using GvcMatch.Matching.Understanding;
using Microsoft.Extensions.AI;

namespace GvcMatch.Embeddings.Tests;

/// <summary>
/// The scorer's phrase-similarity thresholds (<see cref="CapabilityReader.SimilarityMet"/> and
/// <see cref="CapabilityReader.SimilarityFloor"/>) against the shipped model, on labelled pairs of
/// short capability phrases. The model separates them only modestly: distinct processes reach
/// 0.6 ("laser cutting" and "plasma cutting"), while true synonyms can fall to 0.15 ("wire EDM"
/// and "spark erosion"). So similarity never decides a mandatory capability for pairs like these
/// (the vocabulary does that exact work); it adds partial credit where the vocabulary is silent.
/// The int8 model must keep every pair on the same side of the thresholds.
/// </summary>
public abstract class SimilarityThresholdTests(LoadedModel model)
{
    [Theory]
    [InlineData("laser cutting", "plasma cutting")]
    [InlineData("CNC milling", "precision grinding")]
    [InlineData("injection moulding", "cleanroom assembly")]
    [InlineData("stamping", "deep drawing")]
    [InlineData("wire harness", "cable assembly")]
    [InlineData("CNC milling", "powder coating")]
    // Made-up words that share a suffix: what isolated test data looks like to the model.
    [InlineData("zqkdhsyeurmdmilling", "zqabcdefghmilling")]
    public async Task DistinctCapabilitiesNeverCountAsTheSame(string a, string b) =>
        Assert.True(await CosineAsync(a, b) < CapabilityReader.SimilarityMet, $"{a} ~ {b}");

    [Theory]
    [InlineData("powder coating", "electrostatic powder painting")]
    [InlineData("anodising", "hard anodizing")]
    [InlineData("CNC milling", "CNC machining")]
    public async Task CloseWordingsEarnPartialCredit(string a, string b) =>
        Assert.True(await CosineAsync(a, b) > CapabilityReader.SimilarityFloor, $"{a} ~ {b}");

    [Theory]
    [InlineData("CNC milling", "wooden furniture")]
    [InlineData("powder coating", "freight forwarding")]
    [InlineData("injection moulding", "olive oil")]
    public async Task UnrelatedCapabilitiesEarnNothing(string a, string b) =>
        Assert.True(await CosineAsync(a, b) < CapabilityReader.SimilarityFloor, $"{a} ~ {b}");

    private async Task<float> CosineAsync(string a, string b)
    {
        var vectors = await model.Generator.GenerateAsync([a, b]);
        return TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[1].Vector.Span);
    }
}

public sealed class SimilarityThresholdTestsOnFloat32(MiniLmModel model) : SimilarityThresholdTests(model), IClassFixture<MiniLmModel>;

public sealed class SimilarityThresholdTestsOnInt8(MiniLmInt8Model model) : SimilarityThresholdTests(model), IClassFixture<MiniLmInt8Model>;
