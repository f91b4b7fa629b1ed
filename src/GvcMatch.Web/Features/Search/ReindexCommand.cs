using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Search;

/// <summary>
/// The <c>reindex</c> command: first gives every row its vectors (embedding only texts the
/// database has no vector for), then rebuilds the search index from the database, each with a
/// progress bar.
/// </summary>
public static class ReindexCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var backfill = services.GetRequiredService<EmbeddingBackfill>();
        if (services.GetRequiredService<EmbeddingModel>().IsEnabled)
        {
            Console.WriteLine("Embeddings: checking every profile and requirement for a stored vector.");
            var vectors = ConsoleProgress.ForConsole();
            var began = DateTime.UtcNow;
            await backfill.RunAsync(new Progress<BackfillStatus>(s => vectors.Report((int)s.Done, (int)s.Total)), ct);
            var took = Math.Max(0.001, (DateTime.UtcNow - began).TotalSeconds);
            Console.WriteLine($"Embeddings: {backfill.Status.Done} rows checked, {backfill.Status.Embedded} texts embedded in {took:0.0} s.");
        }

        var rebuild = services.GetRequiredService<SearchRebuild>();
        var bar = ConsoleProgress.ForConsole();
        var started = DateTime.UtcNow;
        await rebuild.RunAsync(new Progress<RebuildStatus>(s => bar.Report((int)s.Done, (int)s.Total)), ct);
        var status = rebuild.Status;
        var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
        Console.WriteLine($"Indexed {status.Done} documents in {seconds:0.0} s ({status.Done / seconds:0} documents/s).");
        return 0;
    }
}
