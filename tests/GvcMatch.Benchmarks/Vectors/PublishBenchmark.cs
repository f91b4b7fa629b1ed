using System.Diagnostics;
using GvcMatch.Benchmarks.Http;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Benchmarks.Matching;
using GvcMatch.Embeddings;
using Microsoft.Extensions.AI;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Benchmarks.Vectors;

/// <summary>
/// <c>publish --data DIR [--count 60] [--warmup 5] [--embed 256]</c>: first the model's rate when the
/// write path embeds in batches (<see cref="EmbeddingCache"/> with the configured batch size), on
/// generated profile texts never seen before; then publishing a requirement until it can be matched:
/// the publication written as the API writes it (<see cref="RequirementLifecycle.Publish"/>, one
/// SaveChanges with its outbox row), then the app's indexer (<see cref="SearchIndexer.PumpAsync"/>)
/// embedding its text and its new keyword and committing the document. Each requirement has a new
/// title and one keyword nobody used before, so the model runs every time.
/// </summary>
public static class PublishBenchmark
{
    public static async Task<int> RunAsync(Args args)
    {
        var folder = Path.GetFullPath(args.Required("data"));
        var ids = await BenchmarkData.PrepareAsync(folder);
        await using var app = AppHost.Build(folder);
        Console.WriteLine($"publish: {folder}");
        Console.WriteLine($"Start: {Machine.Describe()}");
        var cache = app.Services.GetRequiredService<EmbeddingCache>();
        var indexer = app.Services.GetRequiredService<SearchIndexer>();
        await EmbeddingRateAsync(app.Services, cache, args.Int("embed", 256));

        int organizationId;
        await using (var scope = app.Services.CreateAsyncScope())
            organizationId = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Requirements.FindAsync(ids[0]))!.OrganizationId;
        while (await indexer.PumpAsync(CancellationToken.None) > 0) { }

        var (write, index, total) = (new Latencies("write the publication (SaveChanges + outbox row)"),
            new Latencies("indexer: embed text + new keyword, build, apply, commit"), new Latencies("publish until matchable (both)"));
        var warmup = args.Int("warmup", 5);
        var count = args.Int("count", 60);
        var samples = SampleRequirements.AsRequirements(organizationId);
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        for (var i = 0; i < warmup + count; i++)
        {
            var sample = samples[i % samples.Count];
            var watch = Stopwatch.StartNew();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var now = DateTimeOffset.UtcNow;
                var requirement = new Requirement
                {
                    Key = $"publish-bench-{stamp}-{i}", OrganizationId = organizationId, Title = $"{sample.Title}, batch {stamp}-{i}",
                    Description = sample.Description,
                    Criteria = sample.Criteria.Select(c => c.Kind == GvcMatch.Matching.CriterionKind.CapabilityFit
                        ? c with { Keywords = [.. c.Keywords!, $"{c.Keywords![0]} for series {stamp}-{i}"] } : c).ToList(),
                    CreatedAt = now, UpdatedAt = now, ResponseDeadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(60),
                };
                if (RequirementLifecycle.Publish(requirement, now) is { } refused) throw new InvalidOperationException(refused);
                db.Requirements.Add(requirement);
                await db.SaveChangesAsync();
            }
            var written = watch.Elapsed;
            var pumped = 0;
            while (await indexer.PumpAsync(CancellationToken.None) is var n && n > 0) pumped += n;
            if (pumped == 0) throw new InvalidOperationException("The indexer found nothing to apply.");
            if (i < warmup) continue;
            write.Add(written.TotalMilliseconds);
            index.Add((watch.Elapsed - written).TotalMilliseconds);
            total.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"End: {Machine.Describe()}");
        Latencies.PrintTable([write, index, total], throughput: false);
        Console.WriteLine($"Publish p95 {total.Percentile(95):0} ms (target <= 200 ms); texts the model embedded in this process: {cache.Computed}.");
        return 0;
    }

    /// <summary>Profile texts the table has never seen, through the cache as the indexer and backfill send them.</summary>
    private static async Task EmbeddingRateAsync(IServiceProvider services, EmbeddingCache cache, int count)
    {
        var generator = new Generation.ProfileGenerator(97, DateTimeOffset.UtcNow, Generation.CodeLists.Load(Repo.ReferenceFolder));
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var texts = Enumerable.Range(0, count)
            .Select(n => $"{EmbeddingTexts.ForProfile(generator.Create(n).Profile!, Repo.Vocabulary)} ({stamp}-{n})").ToList();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await cache.GetOrCreateAsync(db, [$"warm-up {stamp}"], EmbeddingKind.Document, CancellationToken.None);
        var model = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GetService<MiniLmEmbeddingGenerator>();
        var stages = model?.Stages;
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var embedded = await cache.GetOrCreateAsync(db, texts, EmbeddingKind.Document, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        if (model is not null && stages is not null)
        {
            // Whatever the encoder did not spend is the cache's: hashing, the lookup, the inserts.
            var after = model.Stages;
            var (pieces, run, pool) = ((after.Tokenize - stages.Tokenize).TotalSeconds, (after.Model - stages.Model).TotalSeconds, (after.Pool - stages.Pool).TotalSeconds);
            Console.WriteLine($"{model.Metadata.DefaultModelId}: of {seconds:0.00} s, word pieces {pieces:0.00} s, the model {run:0.00} s, pooling {pool:0.000} s, " +
                              $"the cache and the table {seconds - pieces - run - pool:0.00} s; {(double)(after.PaddedTokens - stages.PaddedTokens) / (after.Texts - stages.Texts):0.0} padded pieces per text " +
                              $"({(double)(after.Tokens - stages.Tokens) / (after.Texts - stages.Texts):0.0} real).");
        }
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var words = texts.Average(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Console.WriteLine($"Write-time embedding through EmbeddingCache (batches as configured, stored in the table): {embedded.Computed.Count} new texts " +
                          $"of {words:0} words in {seconds:0.0} s = {embedded.Computed.Count / seconds:0} texts/s (target >= 100), " +
                          $"{cpuSeconds:0.0} CPU s = {embedded.Computed.Count / cpuSeconds:0} texts per CPU second; {Environment.ProcessorCount} cores.");
    }
}
