using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GvcMatch.Search.Lucene.Approximate;

/// <summary>
/// The HNSW graph of the live index, built in the background and swapped in when ready. A query
/// whose filters admit a large share of the graph's documents walks the graph (filtered as it
/// walks) for the segments it covers and scans the rest exactly; a narrow filter, a graph not yet
/// built, or a walk that finds fewer results than asked leave the query to the exact scan.
/// <para/>
/// One graph per snapshot rather than per segment: the rebuild writes ten or so segments, and ten
/// walks cost nearly ten times one. When merges or new documents leave <see
/// cref="ApproximateVectorOptions.RebuildShare"/> of the vectors outside the graph (scanned
/// exactly meanwhile), a new graph is built from the segments of the moment.
/// <para/>
/// Persisted in the generation's folder (<c>vectors/</c>): a manifest naming the graph file and
/// the segments it covers by name and vector checksum, so a restart loads it and a segment whose
/// vectors differ is never read through it. A rebuilt generation starts without one.
/// </summary>
internal sealed class ApproximateVectors(ApproximateVectorOptions options, ILogger? logger = null)
{
    private const string Folder = "vectors";
    private const string Manifest = "graph.json";

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly Lock _lock = new();
    private VectorGraph? _graph;
    private Task? _building;
    private long _searches;

    public ApproximateVectorOptions Options => options;

    /// <summary>Queries the graph answered (in part) since the index was opened.</summary>
    public long Searches => Interlocked.Read(ref _searches);

    /// <summary>The graph in use, if any (for memory figures and tests).</summary>
    public VectorGraph? Current => Volatile.Read(ref _graph);

    /// <summary>The build running now, or a completed task.</summary>
    public Task Building { get { lock (_lock) return _building ?? Task.CompletedTask; } }

    /// <summary>
    /// Answers the query from the graph for the segments it covers, or returns null to leave every
    /// segment to the exact scan. <paramref name="segments"/> is per leaf: its vectors and the
    /// filter's bits (null when nothing passes).
    /// </summary>
    public GraphAnswer? TrySearch(IList<AtomicReaderContext> leaves, (SegmentVectors Vectors, FixedBitSet? Allowed)[] segments,
        sbyte[] query, int count, string generationFolder)
    {
        if (!options.Enabled) return null;
        var graph = Current;
        MaybeRebuild(graph, leaves, segments, generationFolder);
        if (graph is null || graph.Dimensions != query.Length) return null;

        var filter = new GraphFilter(graph.Segments.Count);
        var covered = new bool[leaves.Count];
        var docBase = new int[graph.Segments.Count];
        long admitted = 0, coveredDocs = 0;
        for (var i = 0; i < leaves.Count; i++)
        {
            var slot = graph.SlotOf(leaves[i].AtomicReader.CoreCacheKey, segments[i].Vectors);
            if (slot < 0) continue;
            covered[i] = true;
            coveredDocs += leaves[i].AtomicReader.MaxDoc;
            if (segments[i].Allowed is not { } allowed) continue;
            admitted += allowed.Cardinality;
            filter.Set(slot, allowed, leaves[i].AtomicReader.LiveDocs);
            docBase[slot] = leaves[i].DocBase;
        }
        if (coveredDocs == 0 || admitted < Math.Max(count, options.MinAdmitted) || admitted < options.MinShare * coveredDocs) return null;

        var found = graph.Search(query, count, filter);
        // Fewer than asked: too few admitted documents hold a vector (or the walk got cut off);
        // the exact scan then finds every one.
        if (found.Count < count) return null;
        Interlocked.Increment(ref _searches);
        return new GraphAnswer(covered, found.Select(f => (docBase[f.Slot] + f.Doc, f.Score)).ToList(), admitted);
    }

    /// <summary>Loads the persisted graph of a generation folder, if it still matches; call before the first query.</summary>
    public void Open(string generationFolder)
    {
        if (!options.Enabled || !options.Persist) return;
        try
        {
            var manifestFile = Path.Combine(generationFolder, Folder, Manifest);
            if (!File.Exists(manifestFile)) return;
            var manifest = JsonSerializer.Deserialize<GraphManifest>(File.ReadAllText(manifestFile));
            if (manifest is null || manifest.Connectivity != options.Connectivity) return;
            var graph = VectorGraph.Load(Path.Combine(generationFolder, Folder, manifest.File),
                manifest.Segments.Select(s => new GraphSegment(s.Name, s.Hash)).ToList(), manifest.Dimensions, options);
            Volatile.Write(ref _graph, graph);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException)
        {
            // A damaged or foreign file: the next query builds a new graph.
            _logger.LogWarning(e, "The vector graph in {Folder} could not be loaded; it will be built again.", generationFolder);
        }
    }

    /// <summary>Forgets the graph (a rebuilt generation shares no segment with it).</summary>
    public void Reset()
    {
        lock (_lock) Volatile.Write(ref _graph, null);
    }

    private void MaybeRebuild(VectorGraph? graph, IList<AtomicReaderContext> leaves, (SegmentVectors Vectors, FixedBitSet? Allowed)[] segments, string generationFolder)
    {
        long total = 0, outside = 0;
        var dimensions = 0;
        for (var i = 0; i < leaves.Count; i++)
        {
            var vectors = segments[i].Vectors;
            if (vectors.Dimensions == 0) continue;
            dimensions = dimensions == 0 ? vectors.Dimensions : dimensions;
            total += vectors.Scales.Length;
            if (graph is null || graph.SlotOf(leaves[i].AtomicReader.CoreCacheKey, vectors) < 0) outside += vectors.Scales.Length;
        }
        if (total < options.MinDocuments || outside < options.RebuildShare * total) return;
        lock (_lock)
        {
            if (_building is { IsCompleted: false }) return;
            // The rows are in memory already (the scan's matrices): the build needs no reader.
            var parts = segments.Select(s => s.Vectors).Where(v => v.Dimensions == dimensions && v.Segment.Length > 0).ToList();
            _building = Task.Factory.StartNew(() => Build(parts, generationFolder), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    private void Build(List<SegmentVectors> parts, string generationFolder)
    {
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var graph = VectorGraph.Build(parts, options, CancellationToken.None);
            _logger.LogInformation("Built the vector graph: {Nodes} nodes in {Seconds:0.0} s, {MiB:0.0} MiB.",
                graph.Nodes, watch.Elapsed.TotalSeconds, graph.MemoryBytes / 1048576.0);
            if (options.Persist && Directory.Exists(generationFolder)) Save(graph, generationFolder);
            Volatile.Write(ref _graph, graph);
        }
        catch (Exception e)
        {
            // The exact scan keeps answering; the next query that finds the graph stale tries again.
            _logger.LogError(e, "Building the vector graph failed.");
        }
    }

    /// <summary>The graph file first under a new name, then the manifest moved over the old one, then the old file removed.</summary>
    private void Save(VectorGraph graph, string generationFolder)
    {
        var folder = Path.Combine(generationFolder, Folder);
        Directory.CreateDirectory(folder);
        var file = $"graph-{Guid.NewGuid():N}.usearch";
        graph.Save(Path.Combine(folder, file));
        var manifest = new GraphManifest(file, graph.Dimensions, options.Connectivity, graph.Segments.Select(s => new ManifestSegment(s.Name, s.Hash)).ToList());
        var temp = Path.Combine(folder, Manifest + ".tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(manifest));
        File.Move(temp, Path.Combine(folder, Manifest), overwrite: true);
        foreach (var old in Directory.EnumerateFiles(folder, "graph-*.usearch"))
            if (Path.GetFileName(old) != file) File.Delete(old);
    }

    private sealed record GraphManifest(string File, int Dimensions, int Connectivity, List<ManifestSegment> Segments);

    private sealed record ManifestSegment(string Name, ulong Hash);
}

/// <summary>The graph's part of a vector query: which leaves it answered, its hits as (global doc, approximate cosine), and how many documents its filter admitted.</summary>
internal sealed record GraphAnswer(bool[] Covered, List<(int Doc, float Score)> Hits, long Admitted);
