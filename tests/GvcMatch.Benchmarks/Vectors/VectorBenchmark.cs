using System.Diagnostics;
using GvcMatch.Benchmarks.Generation;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Benchmarks.Matching;
using GvcMatch.Embeddings;
using GvcMatch.Search;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Search;

namespace GvcMatch.Benchmarks.Vectors;

/// <summary>
/// <c>vectors --out DIR [--count 100000] [--embed 256] [--iterations 400] [--warmup 50]</c>:
/// the model's rate on generated profile texts (batched and one at a time), then an index of
/// <c>count</c> generated suppliers with vectors, and vector queries (each sample requirement's
/// mandatory filters, its text embedded as the query) interleaved with the raw Lucene text query
/// of the same requirement, on the same index in the same run.
/// </summary>
public static class VectorBenchmark
{
    public static async Task<int> RunAsync(Args args)
    {
        var folder = Path.GetFullPath(args.Required("out"));
        var count = args.Int("count", 100_000);
        var embed = args.Int("embed", 256);
        Console.WriteLine($"vectors: {count:N0} suppliers into {folder}");
        Console.WriteLine($"Start: {Machine.Describe()}");
        var generator = new ProfileGenerator(42, DateTimeOffset.UtcNow, CodeLists.Load(Repo.ReferenceFolder));
        using var model = new MiniLmEmbeddingGenerator(batchSize: 32);

        var texts = Enumerable.Range(0, embed).Select(n => EmbeddingTexts.ForProfile(generator.Create(n).Profile!, Repo.Vocabulary)).ToList();
        var real = await EmbeddingRateAsync(model, texts);

        var indexFolder = Path.Combine(folder, "index");
        using var index = new LuceneSearchIndex(indexFolder);
        if ((await index.CountAsync())[DocumentKind.Supplier] != count) await BuildIndexAsync(index, generator, real, count);

        var requirements = SampleRequirements.AsRequirements();
        var queries = (await model.GenerateAsync(requirements.Select(EmbeddingTexts.ForRequirement))).Select(e => e.Vector.ToArray()).ToList();
        using var raw = new RawLuceneQuery(indexFolder);
        var vector = new Latencies($"vector query, top {MatchingService.CandidatePool} within the mandatory filters (exact int8 scan + float rescore)");
        var vectorAll = new Latencies($"vector query, top {MatchingService.CandidatePool} of every supplier (no filter)");
        var rawText = new Latencies($"raw Lucene text query (top {MatchingService.CandidatePool} doc ids)");
        var iterations = args.Int("iterations", 400);
        var warmup = args.Int("warmup", 50);
        for (var i = 0; i < warmup + iterations; i++)
        {
            var k = i % requirements.Count;
            var filtered = RetrievalQuery.ForSuppliers(requirements[k].Criteria, MatchingService.CandidatePool) with { Text = null, AnyTerm = false, Vector = queries[k] };
            var everyone = new SearchQuery { Kind = DocumentKind.Supplier, Vector = queries[k], Take = MatchingService.CandidatePool };
            var (text, filter) = raw.Build(requirements[k].Criteria);
            var record = i >= warmup;
            // Alternate the order, so neither series always runs on a warmer cache.
            if (i % 2 == 0)
            {
                await TimeAsync(record, vector, () => index.SearchAsync(filtered));
                await TimeAsync(record, vectorAll, () => index.SearchAsync(everyone));
                await TimeAsync(record, rawText, () => Task.FromResult(raw.Search(text, filter, MatchingService.CandidatePool)));
            }
            else
            {
                await TimeAsync(record, rawText, () => Task.FromResult(raw.Search(text, filter, MatchingService.CandidatePool)));
                await TimeAsync(record, vectorAll, () => index.SearchAsync(everyone));
                await TimeAsync(record, vector, () => index.SearchAsync(filtered));
            }
        }
        Console.WriteLine($"End: {Machine.Describe()}");
        Latencies.PrintTable([vector, vectorAll, rawText]);
        Console.WriteLine($"Vector memory: {index.VectorMemoryBytes / 1048576.0:0.0} MiB of int8 rows and scales for {count:N0} suppliers " +
                          $"(float32 would be {(long)count * real[0].Length * 4 / 1048576.0:0.0} MiB); peak process memory {Machine.PeakMemoryMiB():0} MiB.");
        return 0;
    }

    private static async Task<List<float[]>> EmbeddingRateAsync(MiniLmEmbeddingGenerator model, List<string> texts)
    {
        await model.GenerateAsync(texts.Take(8));
        var process = Process.GetCurrentProcess();
        var watch = Stopwatch.StartNew();
        var one = new List<float[]>();
        foreach (var text in texts.Take(32)) one.Add((await model.GenerateAsync([text]))[0].Vector.ToArray());
        var oneSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime.TotalSeconds;
        var all = (await model.GenerateAsync(texts)).Select(e => e.Vector.ToArray()).ToList();
        var batchSeconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var batchCpu = process.TotalProcessorTime.TotalSeconds - cpuBefore;
        var words = texts.Average(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Console.WriteLine($"Embedding ({MiniLmEmbeddingGenerator.ModelId}, profile texts of {words:0} words on average): " +
                          $"one at a time {32 / oneSeconds:0} texts/s; batches of 32: {texts.Count} texts in {batchSeconds:0.0} s = {texts.Count / batchSeconds:0} texts/s (target >= 100), " +
                          $"{batchCpu:0.0} CPU s = {texts.Count / batchCpu:0} texts per CPU second.");
        return all;
    }

    /// <summary>
    /// Embedding every generated supplier would take hours on two cores, so each gets a real profile
    /// embedding with a little noise: the scan's cost does not depend on the values, and the
    /// neighbourhoods stay shaped like real ones.
    /// </summary>
    private static async Task BuildIndexAsync(LuceneSearchIndex index, ProfileGenerator generator, List<float[]> real, int count)
    {
        var random = new Random(7);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var watch = Stopwatch.StartNew();
        await using var rebuild = await index.BeginRebuildAsync();
        for (var start = 0; start < count; start += 2000)
        {
            var documents = new List<SearchDocument>();
            for (var n = start; n < Math.Min(count, start + 2000); n++)
            {
                var org = generator.Create(n);
                org.Id = n + 1;
                org.Profile!.OrganizationId = org.Id;
                org.Profile.RenewalDue = null;
                var vector = real[n % real.Count].Select(v => v + (float)(random.NextDouble() - 0.5) * 0.05f).ToArray();
                documents.Add(SupplierDocuments.Build(org.Profile, today, Repo.Vocabulary) with { Vector = MiniLmEmbeddingGenerator.Normalize(vector) });
            }
            await rebuild.AddAsync(documents);
        }
        await rebuild.CompleteAsync(0);
        Console.WriteLine($"Indexed {count:N0} suppliers with vectors in {watch.Elapsed.TotalSeconds:0.0} s.");
    }

    // Every call completes synchronously on this thread, so its CPU clock covers exactly the query:
    // on a machine shared with other work the CPU time is the figure that does not include the queue.
    private static async Task TimeAsync<T>(bool record, Latencies into, Func<Task<T>> action)
    {
        var cpu = ThreadCpu.Milliseconds();
        var watch = Stopwatch.StartNew();
        await action();
        if (!record) return;
        into.Add(watch.Elapsed.TotalMilliseconds);
        into.AddCpu(ThreadCpu.Milliseconds() - cpu);
        into.Busy += watch.Elapsed;
    }
}
