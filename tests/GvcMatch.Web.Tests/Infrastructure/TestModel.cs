using GvcMatch.Embeddings;
using GvcMatch.Web.Features.Embeddings;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>The sentence model a test app runs unless its settings name another precision: the app's default.</summary>
public static class TestModel
{
    public static EmbeddingPrecision DefaultPrecision { get; } = new EmbeddingsOptions().Precision;

    /// <summary>The process's shared model of the default precision, for tests that wrap the model (count, gate).</summary>
    public static MiniLmEmbeddingGenerator Default => MiniLmEmbeddingGenerator.SharedFor(DefaultPrecision, null);

    /// <summary>The id the default model files its vectors under.</summary>
    public static string DefaultId => MiniLmEmbeddingGenerator.ModelIdOf(DefaultPrecision);

    /// <summary>The precision an app with these settings runs (a value that is no precision is left to the app to refuse).</summary>
    public static EmbeddingPrecision PrecisionOf(IReadOnlyDictionary<string, string>? settings) =>
        settings?.TryGetValue("Embeddings:Precision", out var value) == true && Enum.TryParse<EmbeddingPrecision>(value, ignoreCase: true, out var precision)
            ? precision
            : DefaultPrecision;
}
