using System.ComponentModel.DataAnnotations;
using GvcMatch.Embeddings;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>Bound from "Embeddings": how the shipped model runs; validated at start-up.</summary>
public sealed class EmbeddingsOptions
{
    public const string Section = "Embeddings";

    /// <summary>
    /// Float32 runs the model as shipped; Int8 runs its matrix products in int8 (rewritten once
    /// into the data folder's <c>models</c> folder). Each stores its own vectors: switching makes
    /// the backfill embed every text again under the other model id. docs/benchmarks.md has the
    /// rates and the quality measured for both.
    /// </summary>
    [EnumDataType(typeof(EmbeddingPrecision))]
    public EmbeddingPrecision Precision { get; set; } = EmbeddingPrecision.Float32;
}
