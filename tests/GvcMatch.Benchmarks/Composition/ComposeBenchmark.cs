using GvcMatch.Web.Features.Matching;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Matching;
using GvcMatch.Matching.Composition;
using GvcMatch.Search;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Search;

namespace GvcMatch.Benchmarks.Composition;

/// <summary>
/// <c>compose --data DIR</c>: the consortium composer as the API runs it (<see cref="ComposerService"/>:
/// the fused index queries of each candidate group, then <see cref="ConsortiumComposer"/>), over
/// requirements with four mandatory capability groups. Also times the two halves alone, interleaved in one thread.
/// </summary>
public static class ComposeBenchmark
{
    public static async Task<int> RunAsync(Args args)
    {
        var indexFolder = Path.Combine(Path.GetFullPath(args.Required("data")), "index");
        var iterations = args.Int("iterations", 200);
        var warmup = args.Int("warmup", 20);
        using var index = new LuceneSearchIndex(indexFolder);
        var contexts = new MatchContexts(Repo.Vocabulary);
        var composer = new ComposerService(index, TimeProvider.System, contexts);
        var requirements = ConsortiumRequirements.Create(args.Int("requirements", 8));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var counts = await index.CountAsync();
        Console.WriteLine($"compose: {counts[DocumentKind.Supplier]:N0} suppliers in {indexFolder}; {ComposerRetrieval.CandidatesPerGroup} candidates per group");
        Console.WriteLine($"Start: {Machine.Describe()}");

        // The search space of each requirement, stated once (the composer is deterministic).
        var fetched = new List<List<SupplierFacts>>();
        Console.WriteLine("| # | requirement | mandatory | groups: matching → retrieved | candidates | usable | unpruned sets of 2-4 | classes | class combinations | sets examined | valid sets | proposals | sole | best set (total) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in requirements)
        {
            var dto = await composer.ComposeAsync(r, null, 5, CancellationToken.None);
            fetched.Add(await RetrieveAsync(r));
            var s = dto.Search;
            var groups = string.Join("; ", dto.CandidateGroups.Select(g => $"{g.Matching:N0}→{g.Retrieved}"));
            var best = dto.Proposals.Count == 0 ? dto.Note ?? "-"
                : $"{dto.Proposals[0].Members.Count} members ({dto.Proposals[0].Total.ToString("0.0", CultureInfo.InvariantCulture)})";
            Console.WriteLine($"| {r.Id} | {r.Title} | {string.Join(", ", dto.MandatoryCriteriaChecked)} | {groups} | {s.Candidates} | {s.Usable} | {Unpruned(s.Usable):0.0e0} | {s.CoverageClasses} | " +
                              $"{s.ClassCombinations:N0} | {s.SetsExamined:N0}{(s.Truncated ? " (budget reached)" : "")} | {s.ValidSets:N0} | {dto.Proposals.Count} | {dto.NoConsortiumNeededCount} | {best} |");
        }

        var service = new Latencies("ComposerService (retrieve per group + compose)");
        var retrieval = new Latencies("retrieval only (the group queries + payloads)");
        var compose = new Latencies("ConsortiumComposer only (on the retrieved facts)");
        for (var i = 0; i < warmup; i++) await RoundAsync(i, record: false);
        for (var i = 0; i < iterations; i++) await RoundAsync(i, record: true);

        Console.WriteLine($"End: {Machine.Describe()}; peak memory {Machine.PeakMemoryMiB():0} MiB");
        Latencies.PrintTable([service, retrieval, compose]);
        Console.WriteLine($"ComposerService p95 = {service.Percentile(95):0.00} ms (target < 500 ms)");
        return 0;

        async Task RoundAsync(int i, bool record)
        {
            var n = i % requirements.Count;
            var requirement = requirements[n];
            // Alternate which series goes first, so neither always runs on a warmer cache.
            if (i % 2 == 0)
            {
                await TimeAsync(service, record, () => composer.ComposeAsync(requirement, null, 5, CancellationToken.None));
                await TimeAsync(retrieval, record, () => RetrieveAsync(requirement));
                await TimeAsync(compose, record, () => Task.FromResult(ConsortiumComposer.Compose(requirement.Criteria, fetched[n], today, context: contexts.For(requirement))));
            }
            else
            {
                await TimeAsync(compose, record, () => Task.FromResult(ConsortiumComposer.Compose(requirement.Criteria, fetched[n], today, context: contexts.For(requirement))));
                await TimeAsync(retrieval, record, () => RetrieveAsync(requirement));
                await TimeAsync(service, record, () => composer.ComposeAsync(requirement, null, 5, CancellationToken.None));
            }
        }

        // The service's retrieval half: the same group queries and payload reads.
        async Task<List<SupplierFacts>> RetrieveAsync(Web.Features.Requirements.Requirement requirement) =>
            [.. (await composer.RetrieveAsync(requirement, Scorer.For(requirement.Criteria, contexts.For(requirement)), CancellationToken.None)).Facts];
    }

    /// <summary>How many sets of 2 to 4 the usable candidates allow before any pruning.</summary>
    private static double Unpruned(int n) => Enumerable.Range(2, 3).Sum(k => Choose(n, k));

    private static double Choose(int n, int k) => k > n ? 0 : Enumerable.Range(0, k).Aggregate(1.0, (acc, i) => acc * (n - i) / (i + 1));

    private static async Task TimeAsync<T>(Latencies into, bool record, Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        if (!record) return;
        into.Add(watch.Elapsed.TotalMilliseconds);
        into.Busy += watch.Elapsed;
    }
}
