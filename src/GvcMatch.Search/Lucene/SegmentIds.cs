using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// One segment's documents by kind and entity id, as two sorted arrays (12 bytes a document),
/// built from the kind postings and the entity id doc values the first time a fetch reaches the
/// segment. A seek in the id field's terms dictionary per document costs microseconds; matching
/// reads 200 winners per query, so the lookup is a binary search instead. Deletions are not part
/// of a segment's core: the caller checks the live documents.
/// </summary>
internal sealed class SegmentIds
{
    private static readonly SegmentIds None = new([], []);

    private readonly long[] _keys;
    private readonly int[] _docs;

    private SegmentIds(long[] keys, int[] docs)
    {
        _keys = keys;
        _docs = docs;
    }

    /// <summary>The live document of this kind and entity id in the segment, or -1.</summary>
    public int Find(DocumentKind kind, int entityId, IBits? live)
    {
        var key = Key(kind, entityId);
        var at = Array.BinarySearch(_keys, key);
        if (at < 0) return -1;
        // An updated document leaves its deleted versions in the segment beside the live one.
        while (at > 0 && _keys[at - 1] == key) at--;
        for (; at < _keys.Length && _keys[at] == key; at++)
            if (live is null || live.Get(_docs[at])) return _docs[at];
        return -1;
    }

    public static SegmentIds Load(AtomicReader reader)
    {
        var ids = reader.GetNumericDocValues(LuceneFields.EntityId);
        var kinds = reader.GetTerms(LuceneFields.Kind)?.GetEnumerator();
        if (ids is null || kinds is null) return None;
        var keys = new List<long>(reader.MaxDoc);
        var docs = new List<int>(reader.MaxDoc);
        DocsEnum? postings = null;
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            if (!kinds.SeekExact(new BytesRef(kind.ToString()))) continue;
            postings = kinds.Docs(null, postings, DocsFlags.NONE);
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                keys.Add(Key(kind, (int)ids.Get(doc)));
                docs.Add(doc);
            }
        }
        var (sortedKeys, sortedDocs) = (keys.ToArray(), docs.ToArray());
        Array.Sort(sortedKeys, sortedDocs);
        return new SegmentIds(sortedKeys, sortedDocs);
    }

    private static long Key(DocumentKind kind, int entityId) => ((long)kind << 32) | (uint)entityId;
}

/// <summary>The id maps of the segments in use, by segment core (as <see cref="VectorCache"/>).</summary>
internal sealed class SegmentIdCache
{
    private readonly ConditionalWeakTable<object, SegmentIds> _segments = new();

    public SegmentIds For(AtomicReader reader) => _segments.GetValue(reader.CoreCacheKey, _ => SegmentIds.Load(reader));
}
