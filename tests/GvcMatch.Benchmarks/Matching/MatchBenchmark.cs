using System.Diagnostics;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Search;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Benchmarks.Matching;

/// <summary>
/// <c>match --data DIR</c>: the full two-stage <see cref="MatchingService"/> against the same
/// filters and text as a raw Lucene query, interleaved call by call in one thread so that load
/// from other processes falls on both series alike.
/// </summary>
public static class MatchBenchmark
{
    public static async Task<int> RunAsync(Args args)
    {
        var indexFolder = Path.Combine(Path.GetFullPath(args.Required("data")), "index");
        var iterations = args.Int("iterations", 2000);
        var warmup = args.Int("warmup", 300);
        using var index = new LuceneSearchIndex(indexFolder);
        using var raw = new RawLuceneQuery(indexFolder);
        // Words and concepts; the vector list needs the model and stored vectors (the vectors benchmark measures it).
        var matching = new MatchingService(index, TimeProvider.System, new MatchContexts(Repo.Vocabulary));
        var requirements = SampleRequirements.AsRequirements();
        var counts = await index.CountAsync();
        Console.WriteLine($"match: {counts[GvcMatch.Search.DocumentKind.Supplier]:N0} suppliers in {indexFolder}");
        Console.WriteLine($"Start: {Machine.Describe()}");

        await PrintCandidatesAsync(matching, raw, requirements);

        var service = new Latencies($"MatchingService (retrieve {MatchingService.CandidatePool} + score + rank)");
        var rawIds = new Latencies($"raw Lucene query (top {MatchingService.CandidatePool} doc ids)");
        var rawCached = new Latencies($"raw Lucene query, filter cached as bit sets (top {MatchingService.CandidatePool} doc ids)");
        var rawStored = new Latencies($"raw Lucene query + stored payloads of top {MatchingService.CandidatePool}");
        // The split of the service's time: stage one alone, and stage two alone on hits fetched beforehand.
        var stageOne = new Latencies("stage one only: ISearchIndex.SearchAsync(RetrievalQuery)");
        var stageTwo = new Latencies($"stage two only: deserialize + Scorer.Score {MatchingService.CandidatePool} hits");
        // The same series per requirement: the p95 of the mix is set by the broadest one.
        var byRequirement = requirements.Select(_ => (Service: new Latencies(""), Raw: new Latencies(""), StageOne: new Latencies(""), StageTwo: new Latencies(""))).ToList();
        var fetched = new List<GvcMatch.Search.SearchResult>();
        foreach (var r in requirements) fetched.Add(await index.SearchAsync(RetrievalQuery.ForSuppliers(r.Criteria, MatchingService.CandidatePool)));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < warmup; i++) await RoundAsync(i, record: false);
        for (var i = 0; i < iterations; i++) await RoundAsync(i, record: true);

        Console.WriteLine($"End: {Machine.Describe()}; peak memory {Machine.PeakMemoryMiB():0} MiB");
        Latencies.PrintTable([service, rawIds, rawCached, rawStored, stageOne, stageTwo]);
        Console.WriteLine($"matching qps / raw qps = {service.PerSecond / rawIds.PerSecond:0.00} (target >= 0.5); " +
                          $"vs raw with cached filter = {service.PerSecond / rawCached.PerSecond:0.00}; " +
                          $"vs raw + payloads = {service.PerSecond / rawStored.PerSecond:0.00}; " +
                          $"matching p95 = {service.Percentile(95):0.00} ms (target <= 10 ms)");
        PrintByRequirement(requirements, byRequirement);
        return 0;

        async Task RoundAsync(int i, bool record)
        {
            var k = i % requirements.Count;
            var requirement = requirements[k];
            var split = byRequirement[k];
            // Alternate which series goes first, so neither always runs on a warmer cache.
            if (i % 2 == 0)
            {
                await TimeAsync(record, () => matching.MatchSuppliersAsync(requirement, 20, false, CancellationToken.None), service, split.Service);
                Time(record, () => RawIds(raw, requirement, cached: false), rawIds, split.Raw);
                Time(record, () => RawIds(raw, requirement, cached: true), rawCached);
                Time(record, () => RawStored(raw, requirement), rawStored);
                await TimeAsync(record, () => index.SearchAsync(RetrievalQuery.ForSuppliers(requirement.Criteria, MatchingService.CandidatePool)), stageOne, split.StageOne);
                Time(record, () => StageTwo(fetched[k], requirement, today), stageTwo, split.StageTwo);
            }
            else
            {
                Time(record, () => RawStored(raw, requirement), rawStored);
                Time(record, () => RawIds(raw, requirement, cached: true), rawCached);
                Time(record, () => RawIds(raw, requirement, cached: false), rawIds, split.Raw);
                Time(record, () => StageTwo(fetched[k], requirement, today), stageTwo, split.StageTwo);
                await TimeAsync(record, () => index.SearchAsync(RetrievalQuery.ForSuppliers(requirement.Criteria, MatchingService.CandidatePool)), stageOne, split.StageOne);
                await TimeAsync(record, () => matching.MatchSuppliersAsync(requirement, 20, false, CancellationToken.None), service, split.Service);
            }
        }
    }

    private static void PrintByRequirement(List<Requirement> requirements, List<(Latencies Service, Latencies Raw, Latencies StageOne, Latencies StageTwo)> split)
    {
        Console.WriteLine();
        Console.WriteLine("| requirement | matching p50 / p95 ms (mean CPU) | raw | stage one | stage two |");
        Console.WriteLine("|---|---|---|---|---|");
        for (var i = 0; i < requirements.Count; i++)
        {
            var (service, raw, one, two) = split[i];
            Console.WriteLine($"| {requirements[i].Title} | {Pair(service)} | {Pair(raw)} | {Pair(one)} | {Pair(two)} |");
        }

        static string Pair(Latencies l) => $"{l.Percentile(50):0.00} / {l.Percentile(95):0.00} ({l.CpuMean:0.00} CPU)";
    }

    private static int StageTwo(GvcMatch.Search.SearchResult hits, Requirement requirement, DateOnly today)
    {
        var scorer = Scorer.For(requirement.Criteria);
        return hits.Hits.Select(h => SupplierDocuments.FactsOf(h)!)
            .Count(f => scorer.Score(f, today).Qualified);
    }

    private static int RawIds(RawLuceneQuery raw, Requirement requirement, bool cached)
    {
        var (text, filter) = raw.Build(requirement.Criteria);
        return raw.Search(text, cached ? raw.Cached(filter) : filter, MatchingService.CandidatePool).ScoreDocs.Length;
    }

    private static int RawStored(RawLuceneQuery raw, Requirement requirement)
    {
        var (text, filter) = raw.Build(requirement.Criteria);
        var length = 0;
        foreach (var hit in raw.Search(text, filter, MatchingService.CandidatePool).ScoreDocs)
            length += raw.Searcher.Doc(hit.Doc).Get("payload")?.Length ?? 0;
        return length;
    }

    /// <summary>Both paths must see the same candidates, or the comparison means nothing.</summary>
    private static async Task PrintCandidatesAsync(MatchingService matching, RawLuceneQuery raw, List<Requirement> requirements)
    {
        Console.WriteLine("| requirement | raw total hits | candidates scored | qualified | top score |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var r in requirements)
        {
            var (text, filter) = raw.Build(r.Criteria);
            var total = raw.Search(text, filter, 1).TotalHits;
            var result = await matching.MatchSuppliersAsync(r, 20, false, CancellationToken.None);
            var top = result.Matches.Count > 0 ? result.Matches[0].Total.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-";
            Console.WriteLine($"| {r.Title} | {total:N0} | {result.CandidatesRetrieved} | {result.CandidatesQualified} | {top} |");
        }
    }

    // Every call completes synchronously (the Lucene index does no I/O waits here), so the awaited
    // call stays on this thread and the thread's CPU clock covers exactly its work.
    private static async Task TimeAsync<T>(bool record, Func<Task<T>> action, params Latencies[] into)
    {
        var cpu = ThreadCpu.Milliseconds();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        await action();
        if (record) Add(into, watch.Elapsed, ThreadCpu.Milliseconds() - cpu, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    private static void Time<T>(bool record, Func<T> action, params Latencies[] into)
    {
        var cpu = ThreadCpu.Milliseconds();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        action();
        if (record) Add(into, watch.Elapsed, ThreadCpu.Milliseconds() - cpu, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    private static void Add(Latencies[] into, TimeSpan elapsed, double cpuMs, long allocatedBytes)
    {
        foreach (var series in into)
        {
            series.Add(elapsed.TotalMilliseconds);
            series.AddCpu(cpuMs);
            series.AddAllocation(allocatedBytes);
            series.Busy += elapsed;
        }
    }
}
