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
/// the stages timed apart as the baseline: reading the rows alone and building documents alone,
/// then the full rebuild (read + build + stored vectors + Lucene + commit), after giving every
/// profile a stored vector (<see cref="StoredVectorSeeder"/>).
/// </summary>
public static class ReindexBenchmark
{
    private const int PageSize = 1000;

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
        var cpu = CpuSeconds();
        var (rows, readSeconds) = await ReadAllAsync(app.Services, today, build: false);
        var readCpu = CpuSeconds() - cpu;
        cpu = CpuSeconds();
        var (_, buildSeconds) = await ReadAllAsync(app.Services, today, build: true);
        var buildCpu = CpuSeconds() - cpu;

        // The rebuild reads each profile's vector from the Embeddings table; none may need the model.
        await StoredVectorSeeder.SeedAsync(app.Services, today);
        var embeddings = app.Services.GetRequiredService<EmbeddingCache>();
        var rebuild = app.Services.GetRequiredService<SearchRebuild>();
        cpu = CpuSeconds();
        var watch = Stopwatch.StartNew();
        await rebuild.RunAsync(null, CancellationToken.None);
        var rebuildSeconds = watch.Elapsed.TotalSeconds;
        var rebuildCpu = CpuSeconds() - cpu;
        var done = rebuild.Status.Done;
        var counts = await app.Services.GetRequiredService<ISearchIndex>().CountAsync();

        Console.WriteLine($"End: {Machine.Describe()}");
        Console.WriteLine("| stage | documents | wall s | documents/s | CPU s | documents per CPU s |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine($"| read rows only (EF, pages of {PageSize}) | {rows:N0} | {readSeconds:0.0} | {rows / readSeconds:0} | {readCpu:0.0} | {rows / readCpu:0} |");
        Console.WriteLine($"| read rows + SupplierDocuments.Build | {rows:N0} | {buildSeconds:0.0} | {rows / buildSeconds:0} | {buildCpu:0.0} | {rows / buildCpu:0} |");
        Console.WriteLine($"| full SearchRebuild (read + build + stored vectors + index + commit) | {done:N0} | {rebuildSeconds:0.0} | {done / rebuildSeconds:0} | {rebuildCpu:0.0} | {done / rebuildCpu:0} |");
        Console.WriteLine($"Texts the model embedded during the rebuild: {embeddings.Computed} (every vector came from the table when 0).");
        Console.WriteLine($"Suppliers searchable after the rebuild: {counts[DocumentKind.Supplier]:N0}. " +
                          $"Peak memory (VmHWM) {Machine.PeakMemoryMiB():0} MiB. Rebuild rate {done / rebuildSeconds:0}/s (target >= 2000/s).");
        return 0;
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static async Task<(int Rows, double Seconds)> ReadAllAsync(IServiceProvider services, DateOnly today, bool build)
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
            if (build) _ = page.Select(p => SupplierDocuments.Build(p, today, Repo.Vocabulary)).ToList();
            rows += page.Count;
            last = page[^1].OrganizationId;
        }
        return (rows, watch.Elapsed.TotalSeconds);
    }
}
