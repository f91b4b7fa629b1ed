using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene.Approximate;

/// <summary>
/// One HNSW graph (USearch, cosine over the int8 rows) over the segments of one index snapshot.
/// A node's key is its segment's slot in the graph (high 32 bits) and its document number in the
/// segment (low 32 bits). Segments never change, so a node stays true for its segment's life; a
/// segment merged away simply has no slot in later readers, and deletions are live-document bits:
/// the search's filter admits only nodes of segments in the current reader that pass the query's
/// filters and are live, so nothing deleted or replaced can come back.
/// <para/>
/// The int8 rows go in as they are: cosine ignores each row's scale, so the graph stores a
/// quarter of the floats and compares exactly what the scan compares.
/// </summary>
internal sealed unsafe class VectorGraph
{
    private readonly IndexHandle _index;
    private readonly Dictionary<(string Segment, ulong Hash), int> _slots;
    private readonly ConditionalWeakTable<object, StrongBox<int>> _slotByCore = new();
    private readonly SemaphoreSlim _searchers;

    private VectorGraph(IndexHandle index, IReadOnlyList<GraphSegment> segments, int dimensions, int searchers)
    {
        _index = index;
        Segments = segments;
        Dimensions = dimensions;
        _slots = segments.Select((s, i) => (s, i)).ToDictionary(x => (x.s.Name, x.s.Hash), x => x.i);
        // Each concurrent search needs a context of its own inside the index.
        UsearchNative.usearch_change_threads_search(index, (nuint)searchers, out var error);
        UsearchNative.Check(error, "change_threads_search");
        _searchers = new SemaphoreSlim(searchers, searchers);
    }

    public IReadOnlyList<GraphSegment> Segments { get; }
    public int Dimensions { get; }

    public long Nodes => (long)UsearchNative.usearch_size(_index, out _);
    public long MemoryBytes => (long)UsearchNative.usearch_memory_usage(_index, out _);

    /// <summary>The slot of the segment whose vectors these are, or -1 when the graph does not cover it.</summary>
    public int SlotOf(object core, SegmentVectors vectors) =>
        _slotByCore.GetValue(core, _ => new StrongBox<int>(_slots.GetValueOrDefault((vectors.Segment, vectors.Hash), -1))).Value;

    public static VectorGraph Build(IReadOnlyList<SegmentVectors> segments, ApproximateVectorOptions options, CancellationToken ct)
    {
        var dimensions = segments[0].Dimensions;
        var index = Create(dimensions, options);
        var total = segments.Sum(s => (long)s.Scales.Length);
        UsearchNative.usearch_reserve(index, (nuint)total, out var error);
        UsearchNative.Check(error, "reserve");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(options.BuildThreads, 1, Environment.ProcessorCount), CancellationToken = ct };
        for (var slot = 0; slot < segments.Count; slot++)
        {
            var vectors = segments[slot];
            var high = (ulong)slot << 32;
            Parallel.For(0, vectors.Scales.Length, parallel, doc =>
            {
                if (vectors.Scales[doc] == 0) return;
                fixed (sbyte* row = &vectors.Rows[(long)doc * dimensions])
                {
                    UsearchNative.usearch_add(index, high | (uint)doc, row, ScalarKind.Int8, out var failed);
                    UsearchNative.Check(failed, "add");
                }
            });
        }
        return new VectorGraph(index, segments.Select(s => new GraphSegment(s.Segment, s.Hash)).ToList(), dimensions, Searchers);
    }

    public static VectorGraph Load(string file, IReadOnlyList<GraphSegment> segments, int dimensions, ApproximateVectorOptions options)
    {
        var index = Create(dimensions, options);
        UsearchNative.usearch_load(index, file, out var error);
        UsearchNative.Check(error, "load");
        UsearchNative.usearch_change_expansion_search(index, (nuint)options.ExpansionSearch, out error);
        UsearchNative.Check(error, "change_expansion_search");
        return new VectorGraph(index, segments, dimensions, Searchers);
    }

    public void Save(string file)
    {
        UsearchNative.usearch_save(_index, file, out var error);
        UsearchNative.Check(error, "save");
    }

    /// <summary>
    /// Up to <paramref name="count"/> nearest nodes that <paramref name="filter"/> admits, nearest
    /// first, as (slot, document, approximate cosine).
    /// </summary>
    public List<(int Slot, int Doc, float Score)> Search(sbyte[] query, int count, GraphFilter filter)
    {
        var keys = new ulong[count];
        var distances = new float[count];
        var state = GCHandle.Alloc(filter);
        _searchers.Wait();
        nuint found;
        nint error;
        try
        {
            fixed (sbyte* q = query)
            fixed (ulong* k = keys)
            fixed (float* d = distances)
                found = UsearchNative.usearch_filtered_search(_index, q, ScalarKind.Int8, (nuint)count, &Admit, GCHandle.ToIntPtr(state), k, d, out error);
        }
        finally
        {
            _searchers.Release();
            state.Free();
        }
        UsearchNative.Check(error, "filtered_search");
        var result = new List<(int, int, float)>((int)found);
        for (var i = 0; i < (int)found; i++) result.Add(((int)(keys[i] >> 32), (int)(uint)keys[i], 1 - distances[i]));
        return result;
    }

    /// <summary>Concurrent searches one graph serves; more wait for a free context.</summary>
    private const int Searchers = 16;

    private static IndexHandle Create(int dimensions, ApproximateVectorOptions options)
    {
        var settings = new Cloud.Unum.USearch.IndexOptions(MetricKind.Cos, 0, ScalarKind.Int8, (ulong)dimensions,
            (ulong)options.Connectivity, (ulong)options.ExpansionAdd, (ulong)options.ExpansionSearch);
        var handle = UsearchNative.usearch_init(ref settings, out var error);
        UsearchNative.Check(error, "init");
        return new IndexHandle(handle);
    }

    /// <summary>Called by the native walk for every node it would return; an exception must not cross back into it.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Admit(ulong key, nint state)
    {
        try
        {
            return ((GraphFilter)GCHandle.FromIntPtr(state).Target!).Admits((int)(key >> 32), (int)(uint)key) ? 1 : 0;
        }
        catch
        {
            return 0;
        }
    }
}

/// <summary>A segment a graph covers: its name and the checksum of its vectors.</summary>
internal sealed record GraphSegment(string Name, ulong Hash);

/// <summary>Per graph slot, the query's filter bits and the live documents of that segment in the current reader; a null entry admits nothing.</summary>
internal sealed class GraphFilter(int slots)
{
    private readonly (FixedBitSet Allowed, IBits? Live)?[] _slots = new (FixedBitSet, IBits?)?[slots];

    public void Set(int slot, FixedBitSet allowed, IBits? live) => _slots[slot] = (allowed, live);

    public bool Admits(int slot, int doc) =>
        (uint)slot < (uint)_slots.Length && _slots[slot] is var (allowed, live)
        && doc < allowed.Length && allowed.Get(doc) && (live is null || live.Get(doc));
}
