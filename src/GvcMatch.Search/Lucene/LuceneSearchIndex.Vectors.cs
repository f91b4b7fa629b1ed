using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using GvcMatch.Search.Lucene.Approximate;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Vector mode: Lucene.NET 4.8 has no vector search, so this scans exactly. The filter's bit sets
/// (cached, as for text queries) pick the documents; each one's int8 row is scored against the
/// int8 query with SIMD; the best few times the page are then rescored with their float vectors
/// from doc values, so hit scores are exact cosines and the order is the same as an exact float
/// scan (and as Elasticsearch's) however the int8 rounding fell.
/// </summary>
public sealed partial class LuceneSearchIndex
{
    /// <summary>Candidates kept from the int8 pass per hit asked for; int8 rounding moves a cosine by about 0.01.</summary>
    private const int RescoreFactor = 4;
    private const int RescoreMargin = 32;

    private readonly VectorCache _vectors = new();
    private readonly ApproximateVectors _approximate;

    /// <summary>Memory held by the in-memory int8 vector matrices (the float vectors stay on disk in doc values).</summary>
    public long VectorMemoryBytes => _vectors.Bytes;

    /// <summary>Memory held by the approximate graph (nodes, links and int8 rows), 0 when none is built.</summary>
    public long VectorGraphBytes => _approximate.Current?.MemoryBytes ?? 0;

    /// <summary>Completes when the graph build running now (if any) has finished; the next vector query uses its graph.</summary>
    public Task VectorGraphBuilding => _approximate.Building;

    /// <summary>Vector queries the graph answered since the index was opened.</summary>
    public long VectorGraphSearches => _approximate.Searches;

    /// <summary>Stored float vectors read to rescore candidates since the index was opened.</summary>
    public long VectorsRescored => Interlocked.Read(ref _rescored);

    private long _rescored;

    private SearchResult SearchVector(IndexSearcher searcher, SearchQuery query)
    {
        var target = query.Vector!;
        var wanted = query.Skip + query.Take;
        var keep = Math.Max(1, Math.Max(wanted * RescoreFactor, wanted + RescoreMargin));
        var quantized = new sbyte[target.Length];
        var queryScale = Int8Dot.Quantize(target, quantized);
        var filter = _queries.Filter(query);
        var best = new PriorityQueue<int, float>(keep + 1);
        long ranked = 0;

        var leaves = searcher.IndexReader.Leaves;
        var segments = new (SegmentVectors Vectors, FixedBitSet? Allowed)[leaves.Count];
        for (var i = 0; i < leaves.Count; i++)
        {
            var vectors = _vectors.For(leaves[i].AtomicReader);
            segments[i] = (vectors, vectors.Dimensions == target.Length ? filter.GetDocIdSet(leaves[i], null) as FixedBitSet : null);
        }
        // A broad filter over a large index: the graph answers for the segments it covers.
        var graph = _approximate.TrySearch(leaves, segments, quantized, GraphCount(wanted), Volatile.Read(ref _live).Path);
        if (graph is not null)
        {
            ranked += graph.Admitted;
            foreach (var (doc, score) in graph.Hits) Keep(best, keep, doc, score);
        }

        for (var i = 0; i < leaves.Count; i++)
        {
            if (graph?.Covered[i] == true) continue;
            var (vectors, allowed) = segments[i];
            // The filter's bit set walked directly (live documents checked only where a row is scored):
            // an iterator over a filtered set costs a virtual call or two per document.
            if (allowed is null) continue;
            var leaf = leaves[i];
            var live = leaf.AtomicReader.LiveDocs;
            var rows = vectors.Rows.AsSpan();
            var scales = vectors.Scales;
            var end = Math.Min(allowed.Length, scales.Length);
            for (var doc = end == 0 ? -1 : allowed.NextSetBit(0); doc >= 0; doc = doc + 1 >= end ? -1 : allowed.NextSetBit(doc + 1))
            {
                var scale = scales[doc];
                if (scale == 0 || live?.Get(doc) == false) continue;
                ranked++;
                var score = scale * queryScale * Int8Dot.Dot(rows.Slice(doc * vectors.Dimensions, vectors.Dimensions), quantized);
                Keep(best, keep, leaf.DocBase + doc, score);
            }
        }

        var exact = Rescore(searcher, Bounded(leaves, segments, best, quantized, queryScale, target), wanted, target)
            .OrderByDescending(h => h.Score).ThenBy(h => h.EntityId).Skip(query.Skip).Take(query.Take).ToList();
        var reader = new HitReader(searcher);
        var hits = exact.Select(h => query.IdsOnly ? new SearchHit(query.Kind, h.EntityId, h.Score, "", []) : reader.Hit(query.Kind, h.Doc, h.Score)).ToList();
        return new SearchResult(Math.Min(ranked, wanted), hits, new Dictionary<string, IReadOnlyList<FacetValue>>());
    }

    private static void Keep(PriorityQueue<int, float> best, int keep, int doc, float score)
    {
        if (best.Count < keep) best.Enqueue(doc, score);
        else if (best.TryPeek(out _, out var lowest) && score > lowest) best.EnqueueDequeue(doc, score);
    }

    /// <summary>Results asked of the graph for <paramref name="wanted"/> hits: its int8 cosines need a margin before the exact rescore.</summary>
    private int GraphCount(int wanted) => (int)Math.Ceiling(wanted * _approximate.Options.Oversampling) + RescoreMargin;

    /// <summary>
    /// Each kept candidate with the most its exact score can be: the int8 estimate (the scan's,
    /// worked out again for hits of the graph, whose scores are cosines of the int8 rows) plus the
    /// bound on its error. Highest first, the order in which <see cref="Rescore"/> reads them.
    /// </summary>
    private static List<(int Doc, float Upper)> Bounded(IList<AtomicReaderContext> leaves, (SegmentVectors Vectors, FixedBitSet? Allowed)[] segments,
        PriorityQueue<int, float> kept, sbyte[] quantized, float queryScale, float[] target)
    {
        var (queryQuantized, queryResidual) = Int8Dot.Norms(target, quantized, queryScale);
        var bounded = new List<(int Doc, float Upper)>(kept.Count);
        foreach (var (doc, _) in kept.UnorderedItems)
        {
            var at = ReaderUtil.SubIndex(doc, leaves);
            var vectors = segments[at].Vectors;
            var local = doc - leaves[at].DocBase;
            var estimate = vectors.Scales[local] * queryScale * Int8Dot.Dot(vectors.Rows.AsSpan(local * vectors.Dimensions, vectors.Dimensions), quantized);
            bounded.Add((doc, estimate + vectors.ErrorBound(local, queryQuantized, queryResidual)));
        }
        bounded.Sort(static (a, b) => b.Upper.CompareTo(a.Upper));
        return bounded;
    }

    /// <summary>
    /// The exact cosine of candidates from their stored float vectors, with their entity ids for the
    /// tie-break, read highest bound first. Once <paramref name="wanted"/> exact scores are known,
    /// a candidate whose bound is below the lowest of them cannot enter the page, nor can any after
    /// it: those are never read (reading a stored vector is most of the rescore's cost), and the
    /// page is the one rescoring every candidate would give.
    /// </summary>
    /// <remarks>
    /// The stored bytes are read in place as floats (no copy per candidate), and each segment's
    /// doc values are looked up once.
    /// </remarks>
    private List<(int Doc, int EntityId, float Score)> Rescore(IndexSearcher searcher, List<(int Doc, float Upper)> candidates, int wanted, float[] target)
    {
        var leaves = searcher.IndexReader.Leaves;
        var values = new (BinaryDocValues Vectors, NumericDocValues Ids)?[leaves.Count];
        var scratch = new BytesRef();
        var result = new List<(int, int, float)>(candidates.Count);
        var lowest = new PriorityQueue<float, float>(wanted + 1);
        foreach (var (doc, upper) in candidates)
        {
            if (lowest.Count >= wanted && lowest.TryPeek(out var floor, out _) && upper < floor) break;
            var at = ReaderUtil.SubIndex(doc, leaves);
            var leaf = leaves[at];
            var local = doc - leaf.DocBase;
            var (vectors, ids) = values[at] ??= (leaf.AtomicReader.GetBinaryDocValues(LuceneFields.VectorValue), leaf.AtomicReader.GetNumericDocValues(LuceneFields.EntityId));
            vectors.Get(local, scratch);
            var score = BitConverter.IsLittleEndian
                ? TensorPrimitives.Dot(MemoryMarshal.Cast<byte, float>(scratch.Bytes.AsSpan(scratch.Offset, scratch.Length)), target)
                : TensorPrimitives.Dot(LuceneFields.Vector(scratch), target);
            result.Add((doc, (int)ids.Get(local), score));
            if (lowest.Count < wanted) lowest.Enqueue(score, score);
            else if (score > lowest.Peek()) lowest.EnqueueDequeue(score, score);
        }
        Interlocked.Add(ref _rescored, result.Count);
        return result;
    }
}
