using GvcMatch.Embeddings;
using GvcMatch.Web.Data;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Embeddings;

public static class EmbeddingRegistration
{
    /// <summary>
    /// all-MiniLM-L6-v2 unless an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> is registered
    /// before this: a deployment swaps the model by registering its own generator.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services)
    {
        services.AddOptions<SemanticOptions>().BindConfiguration(SemanticOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmbeddingsOptions>().BindConfiguration(EmbeddingsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var precision = sp.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.Precision;
            var data = sp.GetRequiredService<IOptions<DataFolderOptions>>().Value.Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return MiniLmEmbeddingGenerator.SharedFor(precision, Path.Combine(data, "models"));
        });
        services.AddSingleton<EmbeddingModel>();
        services.AddSingleton<PhraseVectors>();
        services.AddSingleton<GvcMatch.Matching.Understanding.IPhraseVectors>(sp => sp.GetRequiredService<PhraseVectors>());
        services.AddSingleton<EmbeddingCache>();
        services.AddSingleton<EmbeddingBackfill>();
        services.AddHostedService<EmbeddingBackground>();
        return services;
    }
}
