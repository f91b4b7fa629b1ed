using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GvcMatch.Web.Tests.Embeddings;

/// <summary>The real model, counting the texts it is asked to embed.</summary>
public sealed class CountingGenerator(IEmbeddingGenerator<string, Embedding<float>> model)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(model)
{
    private int _texts;

    public int Texts => Volatile.Read(ref _texts);

    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        Interlocked.Add(ref _texts, texts.Count);
        return base.GenerateAsync(texts, options, cancellationToken);
    }
}

/// <summary>The app with its embedding generator replaced by <see cref="Generator"/> (or by a factory that fails, to test start-up).</summary>
public sealed class CountingEmbeddingsApp(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null,
    Func<IEmbeddingGenerator<string, Embedding<float>>>? factory = null) : GvcMatchApp(database, settings)
{
    public CountingGenerator Generator { get; } = new(TestModel.Default);

    /// <summary>What the app logged, for tests that a race stays quiet.</summary>
    public LogSink Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (factory is null) services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(Generator);
            else services.AddSingleton(_ => factory());
        });
    }
}
