using GvcMatch.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>
/// The embedding generator the app uses, or none (lexical matching only). Loaded once, on first
/// use or at start-up (<see cref="EmbeddingBackground"/>), whichever comes first. The generator is
/// whatever <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> is registered: all-MiniLM-L6-v2
/// unless a deployment registers another; vectors are stored under the generator's model id, so
/// a swapped model never reads the old model's vectors.
/// </summary>
public sealed class EmbeddingModel(IServiceProvider services, IOptions<SemanticOptions> options, ILogger<EmbeddingModel> logger)
{
    private readonly Lock _gate = new();
    private bool _loaded;
    private IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private string _modelId = "";

    /// <summary>Null when semantic matching is off, by configuration or because the model could not be loaded and fallback is allowed.</summary>
    /// <exception cref="EmbeddingModelException">The model cannot be loaded and <see cref="SemanticOptions.FallbackToLexical"/> is off.</exception>
    public IEmbeddingGenerator<string, Embedding<float>>? Generator
    {
        get
        {
            EnsureLoaded();
            return _generator;
        }
    }

    public bool IsEnabled => Generator is not null;

    /// <summary>The key stored vectors are filed under; empty when disabled.</summary>
    public string ModelId
    {
        get
        {
            EnsureLoaded();
            return _modelId;
        }
    }

    private void EnsureLoaded()
    {
        if (Volatile.Read(ref _loaded)) return;
        lock (_gate)
        {
            if (_loaded) return;
            _generator = Load();
            _modelId = _generator is null ? "" : _generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? _generator.GetType().Name;
            Volatile.Write(ref _loaded, true);
        }
    }

    private IEmbeddingGenerator<string, Embedding<float>>? Load()
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Semantic matching is off (Matching:Semantic:Enabled=false): matching is lexical only");
            return null;
        }
        try
        {
            var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            logger.LogInformation("Embedding model {Model} loaded", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
            return generator;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var failure = ex as EmbeddingModelException ?? new EmbeddingModelException(
                $"The embedding model could not be loaded ({ex.GetType().Name}: {ex.Message}). " +
                "Set Matching:Semantic:FallbackToLexical=true to run with lexical matching only.", ex);
            if (!settings.FallbackToLexical) throw failure;
            logger.LogWarning(failure, "Semantic matching is off because the embedding model could not be loaded; matching is lexical only (Matching:Semantic:FallbackToLexical=true)");
            return null;
        }
    }
}
