using System.Diagnostics;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Benchmarks.Reindex;

/// <summary>
/// <c>reindex --data DIR</c>: the app's <see cref="SearchRebuild"/> over a generated database, with
/// the stages timed apart, each adding one step to the one before: reading the rows, building
/// documents, making each profile's embedding text and its hash, finding the stored vectors
/// (<see cref="DocumentVectors"/>), then the full rebuild (all that + Lucene + commit), after giving
/// every profile a stored vector (<see cref="StoredVectorSeeder"/>). What a stage adds is its
/// figure minus the one above it.
/// </summary>
public static class ReindexBenchmark
{
    private const int PageSize = 1000;

    private enum Stage { Read, Build, Texts, Vectors }

    public static async Task<int> RunAsync(Args args)
    {
        var folder = Path.GetFullPath(args.Required("data"));
        await using var app = AppHost.Build(folder);
        await DatabaseStartup.MigrateAsync(app.Services);
        Console.WriteLine($"reindex: {folder}");
        Console.WriteLine($"Start: {Machine.Describe()}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Stage baseline: the same keyset-paged query the rebuild runs, with and without building documents.
        // CPU seconds beside wall seconds: on a shared machine the wall clock mostly measures the queue.
        // The rebuild reads each profile's vector from the Embeddings table; none may need the model.
        await StoredVectorSeeder.SeedAsync(app.Services, today);
        var embeddings = app.Services.GetRequiredService<EmbeddingCache>();
        var stages = new List<(Stage Stage, int Rows, double Seconds, double Cpu)>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var before = CpuSeconds();
            var (count, seconds) = await ReadAllAsync(app.Services, today, stage, embeddings);
            stages.Add((stage, count, seconds, CpuSeconds() - before));
        }
        // The index writer alone, on documents built beforehand: each round a fresh scratch index.
        var documents = await WriterStage.DocumentsAsync(app.Services, today, embeddings);
        var writer = new List<(double Seconds, double Cpu)>();
        for (var round = 0; round < args.Int("writer-rounds", 2); round++)
            writer.Add(await WriterStage.RunAsync(documents, Path.Combine(folder, "writer-stage")));
        documents = null;
        var rebuild = app.Services.GetRequiredService<SearchRebuild>();
        var cpu = CpuSeconds();
        var watch = Stopwatch.StartNew();
        await rebuild.RunAsync(null, CancellationToken.None);
        var rebuildSeconds = watch.Elapsed.TotalSeconds;
        var rebuildCpu = CpuSeconds() - cpu;
        var done = rebuild.Status.Done;
        var counts = await app.Services.GetRequiredService<ISearchIndex>().CountAsync();

        Console.WriteLine($"End: {Machine.Describe()}");
        Console.WriteLine("| stage | documents | wall s | documents/s | CPU s | documents per CPU s |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (stage, rows, seconds, stageCpu) in stages)
        {
            var name = stage switch
            {
                Stage.Read => $"read rows only (EF, pages of {PageSize})",
                Stage.Build => "read rows + SupplierDocuments.Build",
                Stage.Texts => "+ embedding text and its hash (EmbeddingTexts.ForProfile)",
                _ => "+ stored vectors looked up (DocumentVectors.SuppliersAsync: texts, hashes, Embeddings table)",
            };
            Console.WriteLine($"| {name} | {rows:N0} | {seconds:0.0} | {rows / seconds:0} | {stageCpu:0.0} | {rows / stageCpu:0} |");
        }
        foreach (var (round, (seconds, writerCpu)) in writer.Index())
            Console.WriteLine($"| index writer alone, documents built beforehand (round {round + 1}) | {stages[0].Rows:N0} | {seconds:0.0} | {stages[0].Rows / seconds:0} | {writerCpu:0.0} | {stages[0].Rows / writerCpu:0} |");
        Console.WriteLine($"| full SearchRebuild (read + build + stored vectors + index + commit) | {done:N0} | {rebuildSeconds:0.0} | {done / rebuildSeconds:0} | {rebuildCpu:0.0} | {done / rebuildCpu:0} |");
        Console.WriteLine($"Texts the model embedded during the rebuild: {embeddings.Computed} (every vector came from the table when 0).");
        Console.WriteLine($"Suppliers searchable after the rebuild: {counts[DocumentKind.Supplier]:N0}. " +
                          $"Peak memory (VmHWM) {Machine.PeakMemoryMiB():0} MiB. Rebuild rate {done / rebuildSeconds:0}/s (target >= 2000/s).");
        return 0;
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static async Task<(int Rows, double Seconds)> ReadAllAsync(IServiceProvider services, DateOnly today, Stage stage, EmbeddingCache cache)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var watch = Stopwatch.StartNew();
        var rows = 0;
        var last = 0;
        while (true)
        {
            var page = await SupplierDocuments.Indexable(db, today).Where(p => p.OrganizationId > last)
                .OrderBy(p => p.OrganizationId).Take(PageSize).ToListAsync();
            if (page.Count == 0) break;
            if (stage == Stage.Build) _ = page.Select(p => SupplierDocuments.Build(p, today, Repo.Vocabulary)).ToList();
            if (stage == Stage.Texts) _ = page.Select(p => (SupplierDocuments.Build(p, today, Repo.Vocabulary), VectorBytes.Hash(EmbeddingTexts.ForProfile(p, Repo.Vocabulary)))).ToList();
            if (stage == Stage.Vectors) _ = await DocumentVectors.SuppliersAsync(cache, db, page, today, Repo.Vocabulary, withPhrases: false, CancellationToken.None);
            rows += page.Count;
            last = page[^1].OrganizationId;
        }
        return (rows, watch.Elapsed.TotalSeconds);
    }
}
