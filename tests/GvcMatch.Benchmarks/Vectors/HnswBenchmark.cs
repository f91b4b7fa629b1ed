using System.Diagnostics;
using System.Numerics.Tensors;
using Cloud.Unum.USearch;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Benchmarks.Matching;
using GvcMatch.Embeddings;
using GvcMatch.Search;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Matching;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace GvcMatch.Benchmarks.Vectors;

/// <summary>
/// <c>hnsw --data DIR [--queries 200] [--connectivity 16] [--expansion-add 128] [--expansion-search 256]</c>:
/// the app's exact vector scan (int8 pass + float rescore, <see cref="LuceneSearchIndex"/>) beside an
/// HNSW index (USearch, cosine, float32) over the same vectors read from the index
/// (<c>generate --vectors</c>). Recall@200 of both is measured against an exact float scan; the
/// queries are the sample requirements' texts embedded by the model and stored supplier vectors with
/// a little noise. Each mandatory filter's share of suppliers is printed too, because HNSW here has
/// no filter: it must fetch about 200 / share results and drop the rest.
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

        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using var hnsw = new USearchIndex(MetricKind.Cos, ScalarKind.Float32, (ulong)dimensions,
            (ulong)args.Int("connectivity", 16), (ulong)args.Int("expansion-add", 128), (ulong)args.Int("expansion-search", 256));
        var row = new float[dimensions];
        for (var i = 0; i < ids.Length; i++)
        {
            Array.Copy(matrix, (long)i * dimensions, row, 0, dimensions);
            hnsw.Add((ulong)ids[i], row);
        }
        var buildCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var file = Path.Combine(Path.GetTempPath(), $"gvc-hnsw-{Environment.ProcessId}.usearch");
        hnsw.Save(file);
        var hnswBytes = new FileInfo(file).Length;
        File.Delete(file);
        Console.WriteLine($"HNSW built in {watch.Elapsed.TotalSeconds:0.0} s ({buildCpu:0.0} CPU s, {ids.Length / buildCpu:0} vectors per CPU second), {hnswBytes / 1048576.0:0.0} MiB saved.");

        using var index = new LuceneSearchIndex(folder);
        var queries = await QueriesAsync(ids.Length, matrix, dimensions, args.Int("queries", 200));
        var (exactScan, approximate, floatScan) = (new Latencies("app: exact int8 scan + float rescore, top 200 of all"),
            new Latencies("USearch HNSW, top 200 of all"), new Latencies("plain float scan (TensorPrimitives.Dot), top 200"));
        double recallScan = 0, recallHnsw = 0;
        foreach (var (query, record) in queries.Select((q, i) => (q, i >= 10)))
        {
            var truth = Time(record, floatScan, () => FloatTop(query, ids, matrix, dimensions));
            var scan = Time(record, exactScan, () => index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Vector = query, Take = K }).Result.Hits.Select(h => h.EntityId).ToHashSet());
            var near = Time(record, approximate, () => { hnsw.Search(query, K, out var keys, out _); return keys.Select(k => (int)k).ToHashSet(); });
            if (!record) continue;
            recallScan += scan.Count(truth.Contains) / (double)truth.Count;
            recallHnsw += near.Count(truth.Contains) / (double)truth.Count;
        }
        var n = queries.Count - 10;
        Console.WriteLine($"End: {Machine.Describe()}");
        Latencies.PrintTable([exactScan, approximate, floatScan], throughput: false);
        Console.WriteLine($"Recall@{K} against the float scan over {n} queries: app scan {recallScan / n:0.0000}, HNSW {recallHnsw / n:0.0000}.");
        Console.WriteLine($"Memory: app int8 rows {index.VectorMemoryBytes / 1048576.0:0.0} MiB; HNSW (float32 vectors + graph) {hnswBytes / 1048576.0:0.0} MiB.");
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
        Console.WriteLine("| requirement | suppliers passing the mandatory filters | share | HNSW results to fetch for 200 after filtering |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var r in SampleRequirements.AsRequirements())
        {
            var query = RetrievalQuery.ForSuppliers(r.Criteria, 1) with { Text = null, AnyTerm = false };
            var passing = (await index.SearchAsync(query)).Total;
            var share = passing / (double)total;
            Console.WriteLine($"| {r.Title} | {passing:N0} | {share:P1} | {(share > 0 ? Math.Min(total, K / share) : total):N0} |");
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
