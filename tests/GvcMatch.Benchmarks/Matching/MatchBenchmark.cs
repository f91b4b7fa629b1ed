using System.Diagnostics;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Search;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Search;
using Microsoft.Extensions.DependencyInjection;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Benchmarks.Matching;

/// <summary>
/// <c>match --data DIR [--semantic]</c>: the full two-stage <see cref="MatchingService"/> against the
/// same filters and text as a raw Lucene query, interleaved call by call in one thread so that load
/// from other processes falls on both series alike. With <c>--semantic</c> the service is the app's
/// own, with the model, stored phrase and requirement vectors and the vector list (the index needs
/// vectors: <c>generate --vectors 256</c>); without it, words and concepts only.
/// </summary>
public static class MatchBenchmark
{
    public static async Task<int> RunAsync(Args args)
    {
        var folder = Path.GetFullPath(args.Required("data"));
        var indexFolder = Path.Combine(folder, "index");
        var iterations = args.Int("iterations", 2000);
        var warmup = args.Int("warmup", 300);
        var requirements = SampleRequirements.AsRequirements();
        Console.WriteLine($"Start: {Machine.Describe()}");
        // --exact: the vector list is always the exact int8 scan (Search:Vectors:Enabled=false), for a run beside one with the graph.
        var graph = new Dictionary<string, string?>
        {
            ["Search:Vectors:Enabled"] = args.Flag("exact") ? "false" : "true",
            ["Search:Vectors:BuildThreads"] = args.Int("graph-threads", 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var semantic = args.Flag("semantic") ? await SemanticSetup.StartAsync(folder, requirements, graph) : default;
        await using var app = semantic.App;
        using var ownIndex = semantic.App is null ? new LuceneSearchIndex(indexFolder) : null;
        var index = ownIndex ?? semantic.App!.Services.GetRequiredService<ISearchIndex>();
        using var raw = new RawLuceneQuery(indexFolder);
        // Without --semantic: words and concepts, as the app runs with Matching:Semantic:Enabled=false.
        var matching = semantic.Matching ?? new MatchingService(index, TimeProvider.System, new MatchContexts(Repo.Vocabulary));
        var contexts = semantic.App?.Services.GetRequiredService<MatchContexts>() ?? new MatchContexts(Repo.Vocabulary);
        var counts = await index.CountAsync();
        Console.WriteLine($"match: {counts[DocumentKind.Supplier]:N0} suppliers in {indexFolder}, semantic stage {(semantic.App is null ? "off" : "on (vector list, phrase similarity)")}");

        await PrintCandidatesAsync(matching, raw, requirements);
        if (index is LuceneSearchIndex lucene) await WaitForGraphAsync(lucene);

        var service = new Latencies($"MatchingService (retrieve {MatchingService.CandidatePool} + score + rank)");
        var rawIds = new Latencies($"raw Lucene query (top {MatchingService.CandidatePool} doc ids)");
        var rawCached = new Latencies($"raw Lucene query, filter cached as bit sets (top {MatchingService.CandidatePool} doc ids)");
        var rawStored = new Latencies($"raw Lucene query + stored payloads of top {MatchingService.CandidatePool}");
        // The split of the service's time: stage one alone, and stage two alone on hits fetched beforehand.
        var stageOne = new Latencies("stage one only: MatchingService.RetrieveAsync (every list, fused)");
        // Stage one by list (the queries the service runs, each alone through the index).
        var listSeries = new[] { "words (BM25)", "concepts (count of sought concept ids)", "vector (graph or int8 scan, float rescore)" }
            .Select(name => new Latencies($"  of which: {name} list, top {MatchingService.CandidatePool}, ids only")).ToArray();
        var stageTwo = new Latencies($"stage two only: MatchingService.Rank (prepare, parse + score {MatchingService.CandidatePool} hits)");
        var parseOnly = new Latencies($"  of which: parse {MatchingService.CandidatePool} payloads");
        var prepare = new Latencies("  of which: prepare the requirement (Scorer.For: keywords' words, concepts, vectors)");
        var scoreOnly = new Latencies($"  of which: score {MatchingService.CandidatePool} parsed facts, no explanations");
        var explained = new Latencies($"  for comparison: score {MatchingService.CandidatePool} parsed facts with explanations");
        // The same series per requirement: the p95 of the mix is set by the broadest one.
        var byRequirement = requirements.Select(_ => (Service: new Latencies(""), Raw: new Latencies(""), StageOne: new Latencies(""), StageTwo: new Latencies(""))).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var fetched = new List<IReadOnlyList<(SearchHit Hit, double Fused)>>();
        var parsed = new List<List<SupplierFacts>>();
        var prepared = requirements.Select(r => Scorer.For(r.Criteria, contexts.For(r))).ToList();
        var lists = new List<IReadOnlyList<SearchQuery>>();
        foreach (var r in requirements) lists.Add(await matching.ListsAsync(r, prepared[lists.Count], CancellationToken.None));
        foreach (var r in requirements)
        {
            fetched.Add(await matching.RetrieveAsync(r, Scorer.For(r.Criteria, contexts.For(r)), CancellationToken.None));
            parsed.Add(fetched[^1].Select(x => SupplierDocuments.FactsOf(x.Hit)!).ToList());
        }
        for (var i = 0; i < warmup; i++) await RoundAsync(i, record: false);
        for (var i = 0; i < iterations; i++) await RoundAsync(i, record: true);

        Console.WriteLine($"End: {Machine.Describe()}; peak memory {Machine.PeakMemoryMiB():0} MiB");
        if (index is LuceneSearchIndex answered) Console.WriteLine($"Vector queries answered from the graph: {answered.VectorGraphSearches:N0}.");
        Latencies.PrintTable([service, rawIds, rawCached, rawStored, stageOne, .. listSeries.Where(l => l.Count > 0), stageTwo, parseOnly, prepare, scoreOnly, explained]);
        Console.WriteLine($"matching qps / raw qps = {service.PerSecond / rawIds.PerSecond:0.00} (target >= 1); CPU per call raw / matching = {rawIds.CpuMean / service.CpuMean:0.00}; " +
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
                await TimeAsync(record, () => StageOne(matching, contexts, requirement), stageOne, split.StageOne);
                for (var l = 0; l < lists[k].Count; l++) await TimeAsync(record, () => index.SearchAsync(lists[k][l]), listSeries[ListKind(lists[k][l])]);
                Time(record, () => StageTwo(contexts, fetched[k], requirement, today), stageTwo, split.StageTwo);
                Time(record, () => fetched[k].Count(x => SupplierDocuments.FactsOf(x.Hit) is not null), parseOnly);
                Time(record, () => Scorer.For(requirement.Criteria, contexts.For(requirement)), prepare);
                Time(record, () => Score(prepared[k], parsed[k], today, explain: false), scoreOnly);
                Time(record, () => Score(prepared[k], parsed[k], today, explain: true), explained);
            }
            else
            {
                Time(record, () => RawStored(raw, requirement), rawStored);
                Time(record, () => RawIds(raw, requirement, cached: true), rawCached);
                Time(record, () => RawIds(raw, requirement, cached: false), rawIds, split.Raw);
                Time(record, () => Score(prepared[k], parsed[k], today, explain: true), explained);
                Time(record, () => Score(prepared[k], parsed[k], today, explain: false), scoreOnly);
                Time(record, () => Scorer.For(requirement.Criteria, contexts.For(requirement)), prepare);
                Time(record, () => fetched[k].Count(x => SupplierDocuments.FactsOf(x.Hit) is not null), parseOnly);
                Time(record, () => StageTwo(contexts, fetched[k], requirement, today), stageTwo, split.StageTwo);
                for (var l = lists[k].Count - 1; l >= 0; l--) await TimeAsync(record, () => index.SearchAsync(lists[k][l]), listSeries[ListKind(lists[k][l])]);
                await TimeAsync(record, () => StageOne(matching, contexts, requirement), stageOne, split.StageOne);
                await TimeAsync(record, () => matching.MatchSuppliersAsync(requirement, 20, false, CancellationToken.None), service, split.Service);
            }
        }
    }

    /// <summary>The first vector queries (the candidates above) start the graph build when the index has none; measuring waits for it.</summary>
    private static async Task WaitForGraphAsync(LuceneSearchIndex lucene)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        await lucene.VectorGraphBuilding;
        var spent = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"Vector graph: {lucene.VectorGraphBytes / 1048576.0:0.0} MiB (int8 rows of the scan {lucene.VectorMemoryBytes / 1048576.0:0.0} MiB); " +
                          $"waited {watch.Elapsed.TotalSeconds:0.0} s ({spent.TotalSeconds:0.0} CPU s) for a build; {lucene.VectorGraphSearches} graph searches so far. {Machine.Describe()}");
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

    private static int ListKind(SearchQuery list) => list.Vector is not null ? 2 : list.RankByTerms is not null ? 1 : 0;

    private static Task<IReadOnlyList<(SearchHit Hit, double Fused)>> StageOne(MatchingService matching, MatchContexts contexts, Requirement requirement) =>
        matching.RetrieveAsync(requirement, Scorer.For(requirement.Criteria, contexts.For(requirement)), CancellationToken.None);

    private static int StageTwo(MatchContexts contexts, IReadOnlyList<(SearchHit Hit, double Fused)> candidates, Requirement requirement, DateOnly today) =>
        MatchingService.Rank(Scorer.For(requirement.Criteria, contexts.For(requirement)), candidates, today).Count;

    private static int Score(CriteriaScorer scorer, List<SupplierFacts> facts, DateOnly today, bool explain)
    {
        var qualified = 0;
        foreach (var f in facts) qualified += scorer.Score(f, today, explain).Qualified ? 1 : 0;
        return qualified;
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

    /// <summary>
    /// Both paths must see the same candidates, or the comparison means nothing. The digest covers
    /// every ranked supplier with its scores and explanations, so two builds whose digests agree
    /// gave the same answers on this index.
    /// </summary>
    private static async Task PrintCandidatesAsync(MatchingService matching, RawLuceneQuery raw, List<Requirement> requirements)
    {
        Console.WriteLine("| requirement | raw total hits | candidates scored | qualified | top score | digest of the ranked list |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in requirements)
        {
            var (text, filter) = raw.Build(r.Criteria);
            var total = raw.Search(text, filter, 1).TotalHits;
            var result = await matching.MatchSuppliersAsync(r, MatchingService.CandidatePool, false, CancellationToken.None);
            var top = result.Matches.Count > 0 ? result.Matches[0].Total.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-";
            Console.WriteLine($"| {r.Title} | {total:N0} | {result.CandidatesRetrieved} | {result.CandidatesQualified} | {top} | {Digest(result)} |");
        }
    }

    /// <summary>The first twelve hex digits of the SHA-256 of the ranked matches as JSON (the evaluation time left out).</summary>
    private static string Digest(MatchListDto result)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(result with { EvaluatedAt = default });
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(json))[..12];
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
