using System.ComponentModel.DataAnnotations;
using GvcMatch.Embeddings;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>Bound from "Embeddings": how the shipped model runs; validated at start-up.</summary>
public sealed class EmbeddingsOptions
{
    public const string Section = "Embeddings";

    /// <summary>
    /// Int8 (the default) runs the model's matrix products in int8 (rewritten once into the data
    /// folder's <c>models</c> folder): about half the CPU per text of Float32, which runs the model
    /// as shipped, with the same labelled-set quality. Each stores its own vectors: switching makes
    /// the backfill embed every text again under the other model id. docs/benchmarks.md has the
    /// rates and docs/matching-quality.md the quality measured for both.
    /// </summary>
    [EnumDataType(typeof(EmbeddingPrecision))]
    public EmbeddingPrecision Precision { get; set; } = EmbeddingPrecision.Int8;
}
