using GvcMatch.Benchmarks.Generation;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Requirements;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Benchmarks.Matching;

/// <summary>
/// Matching as the app runs it with the semantic stage on: the app's own services over the data
/// folder (its index, a SQLite database beside it for the Embeddings table), the phrase vectors of
/// every tag the generator writes and of the requirements' keywords stored as the indexer would
/// have stored them, and each requirement's vector stored as publishing stores it.
/// </summary>
public static class SemanticSetup
{
    public static async Task<(WebApplication App, MatchingService Matching)> StartAsync(string folder, IReadOnlyList<Requirement> requirements,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = AppHost.Build(folder, settings);
        await DatabaseStartup.MigrateAsync(app.Services);
        var cache = app.Services.GetRequiredService<EmbeddingCache>();
        if (!cache.IsEnabled) throw new InvalidOperationException("The semantic stage is off: the model did not load.");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tags = Sectors.All.SelectMany(s => s.Capabilities.Concat(s.Materials)).Select(EmbeddingTexts.ForPhrase);
            var keywords = requirements.SelectMany(r => EmbeddingTexts.PhrasesOf(r));
            var phrases = await cache.GetOrCreateAsync(db, tags.Concat(keywords).Distinct(), EmbeddingKind.Phrase, CancellationToken.None);
            var texts = await cache.GetOrCreateAsync(db, requirements.Select(EmbeddingTexts.ForRequirement), EmbeddingKind.Document, CancellationToken.None);
            Console.WriteLine($"Semantic stage on: {phrases.Vectors.Count} phrase vectors and {texts.Vectors.Count} requirement vectors " +
                              $"({phrases.Computed.Count + texts.Computed.Count} embedded now, the rest read from the table).");
        }
        return (app, app.Services.GetRequiredService<MatchingService>());
    }
}
