using System.Diagnostics;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Search;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Benchmarks.Reindex;

/// <summary>
/// The index writer alone: every supplier document is built (with its stored vector) and held in
/// memory first, then handed to a rebuild of a scratch index in pages of 1,000, as
/// <see cref="SearchRebuild"/> does. What this costs is what the rebuild spends in Lucene.
/// </summary>
public static class WriterStage
{
    public static async Task<List<SearchDocument>> DocumentsAsync(IServiceProvider services, DateOnly today, EmbeddingCache cache)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var documents = new List<SearchDocument>();
        for (var last = 0; ;)
        {
            var page = await SupplierDocuments.Indexable(db, today).Where(p => p.OrganizationId > last).OrderBy(p => p.OrganizationId).Take(1000).ToListAsync();
            if (page.Count == 0) break;
            documents.AddRange(await DocumentVectors.SuppliersAsync(cache, db, page, today, Repo.Vocabulary, withPhrases: false, CancellationToken.None));
            last = page[^1].OrganizationId;
        }
        return documents;
    }

    /// <summary>Wall and CPU seconds of one rebuild of a scratch index from <paramref name="documents"/>.</summary>
    public static async Task<(double Seconds, double Cpu)> RunAsync(IReadOnlyList<SearchDocument> documents, string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        using var index = new LuceneSearchIndex(folder);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var watch = Stopwatch.StartNew();
        await using (var rebuild = await index.BeginRebuildAsync())
        {
            foreach (var page in documents.Chunk(1000)) await rebuild.AddAsync(page);
            await rebuild.CompleteAsync(1);
        }
        return (watch.Elapsed.TotalSeconds, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpu);
    }
}
