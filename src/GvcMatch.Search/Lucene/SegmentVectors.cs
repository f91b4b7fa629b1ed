using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// One segment's vectors as a contiguous int8 matrix (row = local doc id) with a scale per row,
/// built from the segment's doc values the first time a vector query reaches it. Segments never
/// change once written, so a matrix stays valid for the segment's life; it is keyed by the
/// segment's core (shared by every near-real-time reader of that segment) and dropped with it.
/// </summary>
internal sealed class SegmentVectors
{
    public static readonly SegmentVectors None = new("", 0, [], [], []);

    private SegmentVectors(string segment, int dimensions, sbyte[] rows, float[] scales, float[] norms)
    {
        Segment = segment;
        Dimensions = dimensions;
        Rows = rows;
        Scales = scales;
        Norms = norms;
        Hash = HashOf(rows, scales);
    }

    /// <summary>The segment's name in its index folder ("" when the reader is not a segment's).</summary>
    public string Segment { get; }

    /// <summary>
    /// A checksum of the rows and scales: with the segment's name it identifies the vectors an
    /// approximate graph was built from. A name alone is not enough: a segment flushed but never
    /// committed before a crash leaves its name free for another segment after the restart.
    /// </summary>
    public ulong Hash { get; }

    public int Dimensions { get; }

    /// <summary>maxDoc × <see cref="Dimensions"/> values.</summary>
    public sbyte[] Rows { get; }

    /// <summary>Per document, the factor that turns its int8 row back into floats; 0 for a document without a vector.</summary>
    public float[] Scales { get; }

    /// <summary>
    /// Per document, two values: the norm of its row as the int8 values give it back, and the norm
    /// of what the rounding left out. With the query's two, they bound how far the int8 estimate of
    /// a cosine can be from the exact one (<see cref="ErrorBound"/>).
    /// </summary>
    public float[] Norms { get; }

    public long Bytes => Rows.LongLength + (Scales.LongLength + Norms.LongLength) * sizeof(float);

    /// <summary>
    /// How far the exact dot product of this document's vector and the query can be from the int8
    /// estimate (scale × scale × int8 dot). With x = x̂ + r and y = ŷ + t (the values given back
    /// plus the rounding left out), x·y − x̂·ŷ = x̂·t + r·ŷ + r·t, each bounded by the product of
    /// the norms (Cauchy–Schwarz); a little is added for the float arithmetic of both sides.
    /// </summary>
    public float ErrorBound(int doc, float queryQuantized, float queryResidual)
    {
        var (quantized, residual) = (Norms[2 * doc], Norms[2 * doc + 1]);
        var bound = quantized * queryResidual + residual * queryQuantized + residual * queryResidual;
        return bound + 1e-4f * (quantized + residual) * (queryQuantized + queryResidual);
    }

    public static SegmentVectors Load(AtomicReader reader)
    {
        var values = reader.GetBinaryDocValues(LuceneFields.VectorValue);
        if (values is null) return None;
        var scratch = new BytesRef();
        var dimensions = 0;
        for (var doc = 0; doc < reader.MaxDoc && dimensions == 0; doc++)
        {
            values.Get(doc, scratch);
            dimensions = scratch.Length / sizeof(float);
        }
        if (dimensions == 0) return None;

        var rows = new sbyte[(long)reader.MaxDoc * dimensions];
        var scales = new float[reader.MaxDoc];
        var norms = new float[2 * reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            values.Get(doc, scratch);
            // A vector of another length (from another model) cannot be compared: the document counts as having none.
            if (scratch.Length != dimensions * sizeof(float)) continue;
            var vector = LuceneFields.Vector(scratch);
            var row = rows.AsSpan(doc * dimensions, dimensions);
            scales[doc] = Int8Dot.Quantize(vector, row);
            (norms[2 * doc], norms[2 * doc + 1]) = Int8Dot.Norms(vector, row, scales[doc]);
        }
        return new SegmentVectors((reader as SegmentReader)?.SegmentName ?? "", dimensions, rows, scales, norms);
    }

    /// <summary>FNV-1a over 64-bit words: stable across processes (unlike <see cref="HashCode"/>); a few GB/s, so a tenth of a second for a million rows.</summary>
    private static ulong HashOf(sbyte[] rows, float[] scales)
    {
        const ulong prime = 1099511628211;
        var hash = 14695981039346656037UL;
        foreach (var word in MemoryMarshal.Cast<sbyte, ulong>(rows.AsSpan())) hash = (hash ^ word) * prime;
        foreach (var word in MemoryMarshal.Cast<float, uint>(scales.AsSpan())) hash = (hash ^ word) * prime;
        for (var i = rows.Length / sizeof(ulong) * sizeof(ulong); i < rows.Length; i++) hash = (hash ^ (byte)rows[i]) * prime;
        return hash;
    }
}

/// <summary>The matrices of the segments in use, by segment core.</summary>
internal sealed class VectorCache
{
    private readonly ConditionalWeakTable<object, SegmentVectors> _segments = new();

    public SegmentVectors For(AtomicReader reader) =>
        // Two queries reaching a new segment together may both build it; one result is kept.
        _segments.GetValue(reader.CoreCacheKey, _ => SegmentVectors.Load(reader));

    /// <summary>Memory held by the matrices of segments still alive.</summary>
    public long Bytes => _segments.Sum(s => s.Value.Bytes);
}
