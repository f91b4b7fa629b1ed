using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>Bound from "Matching:Semantic"; validated at start-up.</summary>
public sealed class SemanticOptions
{
    public const string Section = "Matching:Semantic";

    /// <summary>False runs lexical matching only: no model is loaded and no vectors are computed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// When the model cannot be loaded: false (the default) stops start-up with the reason; true
    /// logs a warning and runs lexical only, as if <see cref="Enabled"/> were false.
    /// </summary>
    public bool FallbackToLexical { get; set; }

    /// <summary>Texts per model call. 16–64 gives the best rate on two cores.</summary>
    [Range(1, 256)]
    public int BatchSize { get; set; } = 32;

    /// <summary>Profiles or requirements the background backfill embeds per step.</summary>
    [Range(1, 10_000)]
    public int BackfillBatchSize { get; set; } = 200;

    /// <summary>Wait after start before the backfill begins, so start-up itself is not slowed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan BackfillDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often phrase vectors stored by other app instances are loaded into this one's cache.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PhraseRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
