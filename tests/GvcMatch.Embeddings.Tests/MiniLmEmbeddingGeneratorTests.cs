using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace GvcMatch.Embeddings.Tests;

public sealed class MiniLmEmbeddingGeneratorTests(MiniLmModel model) : IClassFixture<MiniLmModel>
{
    private async Task<float[]> EmbedAsync(string text) => (await model.Generator.GenerateAsync([text]))[0].Vector.ToArray();

    private static float Cosine(float[] a, float[] b) => TensorPrimitives.CosineSimilarity(a, b);

    [Fact]
    public async Task VectorsHave384DimensionsAndUnitLength()
    {
        var vectors = await model.Generator.GenerateAsync(["CNC machining of aluminium housings", "sheet metal"]);
        Assert.Equal(2, vectors.Count);
        foreach (var v in vectors)
        {
            Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, v.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(v.Vector.Span), 3);
            Assert.Equal(MiniLmEmbeddingGenerator.ModelId, v.ModelId);
        }
    }

    [Fact]
    public async Task PowderCoatingIsNearerToElectrostaticPowderPaintingThanToCncMilling()
    {
        var query = await EmbedAsync("powder coating");
        var paraphrase = Cosine(query, await EmbedAsync("electrostatic powder painting"));
        var unrelated = Cosine(query, await EmbedAsync("CNC milling"));
        Assert.True(paraphrase > unrelated + 0.1f, $"paraphrase {paraphrase:0.00}, unrelated {unrelated:0.00}");
    }

    [Fact]
    public async Task ABatchGivesTheSameVectorsAsOneTextAtATime()
    {
        string[] texts = ["injection moulding of PP and ABS parts", "wooden furniture", "PCB assembly with SMT lines", "sushi"];
        var batch = await model.Generator.GenerateAsync(texts);
        for (var i = 0; i < texts.Length; i++)
            Assert.True(Cosine(batch[i].Vector.ToArray(), await EmbedAsync(texts[i])) > 0.999f, texts[i]);
    }

    [Fact]
    public async Task TextLongerThanTheModelWindowIsTruncatedNotRefused()
    {
        // About 400 word pieces: past the model's 256, so whatever follows is never read.
        var opening = "Precision CNC machining of titanium aerospace brackets. " + string.Join(' ', Enumerable.Repeat("We also machine steel shafts.", 60));
        var withTail = opening + string.Join(' ', Enumerable.Repeat(" Sushi restaurant with fresh fish and rice.", 2_000));
        var first = await EmbedAsync(opening);
        var truncated = await EmbedAsync(withTail);
        Assert.Equal(1f, TensorPrimitives.Norm(truncated), 3);
        Assert.True(Cosine(first, truncated) > 0.99f, $"cosine {Cosine(first, truncated):0.000}");
    }

    [Fact]
    public async Task EmptyTextStillGetsAUnitVector()
    {
        var vectors = await model.Generator.GenerateAsync(["", "   ", "metal"]);
        Assert.Equal(3, vectors.Count);
        Assert.All(vectors, v => Assert.Equal(1f, TensorPrimitives.Norm(v.Vector.Span), 3));
    }

    [Fact]
    public void TheGeneratorDescribesItsModelForCallersThatSwapModels()
    {
        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, model.Generator.Metadata.DefaultModelId);
        Assert.Equal(384, model.Generator.Metadata.DefaultModelDimensions);
        Assert.Same(model.Generator, model.Generator.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
    }
}
