using Microsoft.ML.OnnxRuntime;

namespace GvcMatch.Embeddings;

/// <summary>
/// How <see cref="MiniLmEmbeddingGenerator"/> runs the model. The defaults are what measured best
/// on two cores shared with other work (the <c>embed</c> benchmark, docs/benchmarks.md); none of
/// them changes a vector beyond float rounding.
/// </summary>
public sealed record MiniLmTuning
{
    /// <summary>Threads ONNX Runtime uses inside one batch; 0 leaves its own choice (one per physical core).</summary>
    public int IntraOpThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// False: ONNX Runtime's worker threads sleep between operators instead of spinning. Spinning
    /// saves microseconds per operator on an idle machine and burns whole cores on a busy one
    /// (the web requests, the indexer and the model share two).
    /// </summary>
    public bool AllowSpinning { get; init; }

    /// <summary>
    /// Encode texts of similar length together: a batch is padded to its longest text, so a short
    /// profile batched with a long one pays for the long one's word pieces.
    /// </summary>
    public bool SortByLength { get; init; } = true;

    /// <summary>The package's own settings, texts in the order given: the baseline the benchmark compares with.</summary>
    public static MiniLmTuning PackageDefaults { get; } = new() { IntraOpThreads = 0, AllowSpinning = true, SortByLength = false };

    /// <summary>New options each call: a session takes what it needs from them when it is created.</summary>
    public SessionOptions CreateSessionOptions()
    {
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        if (IntraOpThreads > 0) options.IntraOpNumThreads = IntraOpThreads;
        if (!AllowSpinning) options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }
}
