using System.Diagnostics;
using System.Numerics.Tensors;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Benchmarks.Matching;
using GvcMatch.Embeddings;
using GvcMatch.Search;
using GvcMatch.Search.Lucene;
using GvcMatch.Search.Lucene.Approximate;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Matching;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace GvcMatch.Benchmarks.Vectors;

/// <summary>
/// <c>hnsw --data DIR [--queries 200] [--connectivity 16] [--expansion-add 128] [--expansion-search 256] [--oversampling 1.5] [--threads 2]</c>:
/// the index's vector queries with the graph off (the exact int8 scan + float rescore) and then
/// on (<see cref="LuceneSearchIndex"/> with its HNSW graph, built from the int8 rows and awaited),
/// over the same vectors (<c>generate --vectors</c>). Recall@200 of both is measured against a
/// plain float scan for unfiltered queries, and the graph's against the exact scan under each
/// sample requirement's mandatory filters (the graph answers only those that admit a large share).
/// The queries are the sample requirements' texts embedded by the model and stored supplier
/// vectors with a little noise.
/// </summary>
public static class HnswBenchmark
{
    private const int K = MatchingService.CandidatePool;

    public static async Task<int> RunAsync(Args args)
    {
        var folder = Path.Combine(Path.GetFullPath(args.Required("data")), "index");
        Console.WriteLine($"hnsw: {folder}");
        Console.WriteLine($"Start: {Machine.Describe()}");
        var (ids, matrix, dimensions) = ReadVectors(folder);
        Console.WriteLine($"{ids.Length:N0} vectors of {dimensions} dimensions read.");
        var options = new ApproximateVectorOptions
        {
            Connectivity = args.Int("connectivity", 16), ExpansionAdd = args.Int("expansion-add", 128),
            ExpansionSearch = args.Int("expansion-search", 256), BuildThreads = args.Int("threads", 2),
            Oversampling = double.Parse(args.Text("oversampling", "1.5"), System.Globalization.CultureInfo.InvariantCulture),
        };
        Console.WriteLine($"Graph: {options}");
        var queries = await QueriesAsync(ids.Length, matrix, dimensions, args.Int("queries", 200));
        var filters = new List<(string Name, SearchQuery Query)> { ("none", new SearchQuery { Kind = DocumentKind.Supplier, Take = K, IdsOnly = true }) };
        filters.AddRange(SampleRequirements.AsRequirements().Select(r => (r.Title, RetrievalQuery.ForSuppliers(r.Criteria, K) with { Text = null, AnyTerm = false, IdsOnly = true })));

        var (exactScan, graphSearch, floatScan) = (new Latencies("exact: int8 scan + float rescore of the best 800, top 200 of all"),
            new Latencies("graph: HNSW walk (filtered) + float rescore, top 200 of all"), new Latencies("plain float scan (TensorPrimitives.Dot), top 200"));
        var filtered = filters.Skip(1).Select(f => (Exact: new Latencies($"exact, {f.Name}"), Graph: new Latencies($"graph, {f.Name}"))).ToList();
        var truth = new List<HashSet<int>>();
        var exactAnswers = new Dictionary<(int Query, int Filter), HashSet<int>>();
        double recallScan = 0, recallGraph = 0;
        var recallFiltered = new double[filters.Count];

        using (var exact = new LuceneSearchIndex(folder, options with { Enabled = false }))
        {
            foreach (var (query, q) in queries.Select((v, i) => (v, i)))
            {
                var record = q >= 10;
                truth.Add(Time(record, floatScan, () => FloatTop(query, ids, matrix, dimensions)));
                for (var f = 0; f < filters.Count; f++)
                {
                    var series = f == 0 ? exactScan : filtered[f - 1].Exact;
                    var found = Time(record, series, () => exact.SearchAsync(filters[f].Query with { Vector = query }).Result.Hits.Select(h => h.EntityId).ToHashSet());
                    exactAnswers[(q, f)] = found;
                    if (record && f == 0) recallScan += found.Count(truth[q].Contains) / (double)truth[q].Count;
                }
            }
            Console.WriteLine($"Exact pass done: {Machine.Describe()}; int8 rows {exact.VectorMemoryBytes / 1048576.0:0.0} MiB.");
        }

        using var index = new LuceneSearchIndex(folder, options);
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await index.SearchAsync(filters[0].Query with { Vector = queries[0] });
        await index.VectorGraphBuilding;
        var buildCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"Graph ready in {watch.Elapsed.TotalSeconds:0.0} s ({buildCpu:0.0} CPU s, loaded from disk when it was saved by an earlier run), " +
                          $"{index.VectorGraphBytes / 1048576.0:0.0} MiB. {Machine.Describe()}");
        var before = index.VectorGraphSearches;
        foreach (var (query, q) in queries.Select((v, i) => (v, i)))
        {
            var record = q >= 10;
            for (var f = 0; f < filters.Count; f++)
            {
                var series = f == 0 ? graphSearch : filtered[f - 1].Graph;
                var found = Time(record, series, () => index.SearchAsync(filters[f].Query with { Vector = query }).Result.Hits.Select(h => h.EntityId).ToHashSet());
                if (!record) continue;
                var reference = f == 0 ? truth[q] : exactAnswers[(q, f)];
                var recall = reference.Count == 0 ? 1 : found.Count(reference.Contains) / (double)reference.Count;
                if (f == 0) recallGraph += recall;
                recallFiltered[f] += recall;
            }
        }
        var n = queries.Count - 10;
        Console.WriteLine($"End: {Machine.Describe()}; graph answered {index.VectorGraphSearches - before} of {queries.Count * filters.Count} queries.");
        Latencies.PrintTable([exactScan, graphSearch, floatScan, .. filtered.SelectMany(f => new[] { f.Exact, f.Graph })], throughput: false);
        Console.WriteLine($"Recall@{K} against the float scan over {n} unfiltered queries: exact scan {recallScan / n:0.0000}, graph {recallGraph / n:0.0000}.");
        for (var f = 1; f < filters.Count; f++) Console.WriteLine($"Recall@{K} of the graph run against the exact scan, {filters[f].Name}: {recallFiltered[f] / n:0.0000}");
        Console.WriteLine($"Memory: int8 rows {index.VectorMemoryBytes / 1048576.0:0.0} MiB; graph {index.VectorGraphBytes / 1048576.0:0.0} MiB.");
        await PrintFilterSharesAsync(index, ids.Length);
        return 0;
    }

    private static (int[] Ids, float[] Matrix, int Dimensions) ReadVectors(string folder)
    {
        // The "current" file names the live generation folder, as LuceneSearchIndex writes it.
        var generation = File.ReadAllText(Path.Combine(folder, "current")).Trim();
        using var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(folder, generation));
        using var reader = DirectoryReader.Open(directory);
        var ids = new List<int>();
        var rows = new List<float[]>();
        var scratch = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var vectors = leaf.AtomicReader.GetBinaryDocValues("dv.vector");
            var entity = leaf.AtomicReader.GetNumericDocValues("entityId");
            var live = leaf.AtomicReader.LiveDocs;
            if (vectors is null || entity is null) continue;
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                vectors.Get(doc, scratch);
                if (scratch.Length == 0) continue;
                var v = new float[scratch.Length / sizeof(float)];
                Buffer.BlockCopy(scratch.Bytes, scratch.Offset, v, 0, scratch.Length);
                ids.Add((int)entity.Get(doc));
                rows.Add(v);
            }
        }
        if (rows.Count == 0) throw new InvalidOperationException("The index has no vectors: generate it with --vectors.");
        var dimensions = rows[0].Length;
        var matrix = new float[(long)rows.Count * dimensions];
        for (var i = 0; i < rows.Count; i++) rows[i].CopyTo(matrix, (long)i * dimensions);
        return (ids.ToArray(), matrix, dimensions);
    }

    /// <summary>The sample requirements embedded by the model, then stored vectors with noise, as a mix of what buyers and look-alike searches ask.</summary>
    private static async Task<List<float[]>> QueriesAsync(int count, float[] matrix, int dimensions, int total)
    {
        using var model = new MiniLmEmbeddingGenerator();
        var requirements = SampleRequirements.AsRequirements();
        var queries = (await model.GenerateAsync(requirements.Select(EmbeddingTexts.ForRequirement))).Select(e => e.Vector.ToArray()).ToList();
        var random = new Random(3);
        while (queries.Count < total)
        {
            var at = random.Next(count);
            var v = new float[dimensions];
            for (var i = 0; i < dimensions; i++) v[i] = matrix[(long)at * dimensions + i] + (float)(random.NextDouble() - 0.5) * 0.1f;
            queries.Add(MiniLmEmbeddingGenerator.Normalize(v));
        }
        // The first ten warm up; the requirements' own vectors are measured as well.
        return [.. queries.Skip(requirements.Count).Take(10), .. queries];
    }

    private static HashSet<int> FloatTop(float[] query, int[] ids, float[] matrix, int dimensions)
    {
        var best = new PriorityQueue<int, float>(K + 1);
        var span = matrix.AsSpan();
        for (var i = 0; i < ids.Length; i++)
        {
            var score = TensorPrimitives.Dot(span.Slice(i * dimensions, dimensions), query);
            if (best.Count < K) best.Enqueue(ids[i], score);
            else if (best.TryPeek(out _, out var lowest) && score > lowest) best.EnqueueDequeue(ids[i], score);
        }
        return best.UnorderedItems.Select(x => x.Element).ToHashSet();
    }

    private static async Task PrintFilterSharesAsync(LuceneSearchIndex index, int total)
    {
        Console.WriteLine("| requirement | suppliers passing the mandatory filters | share |");
        Console.WriteLine("|---|---|---|");
        foreach (var r in SampleRequirements.AsRequirements())
        {
            var query = RetrievalQuery.ForSuppliers(r.Criteria, 1) with { Text = null, AnyTerm = false };
            var passing = (await index.SearchAsync(query)).Total;
            var share = passing / (double)total;
            Console.WriteLine($"| {r.Title} | {passing:N0} | {share:P1} |");
        }
    }

    private static T Time<T>(bool record, Latencies into, Func<T> action)
    {
        var cpu = ThreadCpu.Milliseconds();
        var watch = Stopwatch.StartNew();
        var result = action();
        if (!record) return result;
        into.Add(watch.Elapsed.TotalMilliseconds);
        into.AddCpu(ThreadCpu.Milliseconds() - cpu);
        into.Busy += watch.Elapsed;
        return result;
    }
}
