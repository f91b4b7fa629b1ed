using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Reads a hit's id, title and payload from doc values, which are random-access and uncompressed,
/// instead of stored fields, which decompress a block per document. Matching reads hundreds of
/// hits per query, so this is most of its retrieval cost. Segments written before the doc values
/// existed fall back to the stored fields.
/// </summary>
internal sealed class HitReader(IndexSearcher searcher)
{
    private static readonly ISet<string> StoredHitFields = new HashSet<string> { LuceneFields.EntityId, LuceneFields.Title, LuceneFields.Payload };
    private static readonly ISet<string> BodyField = new HashSet<string> { LuceneFields.Body };

    private readonly IList<AtomicReaderContext> _leaves = searcher.IndexReader.Leaves;
    // Each segment's doc values, looked up once per search rather than three times per hit.
    private readonly LeafValues?[] _values = new LeafValues?[searcher.IndexReader.Leaves.Count];
    private readonly BytesRef _scratch = new();

    /// <summary>
    /// The payload comes back as the bytes the doc values handed out, not copied: binary doc
    /// values give each call its own array (callers own the bytes, by the codec's contract).
    /// Old segments without doc values come back as text.
    /// </summary>
    public (int EntityId, string Title, ReadOnlyMemory<byte>? Utf8, string? Text) Read(int doc)
    {
        var index = ReaderUtil.SubIndex(doc, _leaves);
        var local = doc - _leaves[index].DocBase;
        var (ids, titles, payloads) = _values[index] ??= LeafValues.Of(_leaves[index].AtomicReader);
        if (ids is null || titles is null)
        {
            var stored = searcher.Doc(doc, StoredHitFields);
            return (stored.GetField(LuceneFields.EntityId).GetInt32Value() ?? 0, stored.Get(LuceneFields.Title), null, stored.Get(LuceneFields.Payload));
        }

        var entityId = (int)ids.Get(local);
        titles.Get(local, _scratch);
        var title = Utf8(_scratch);
        if (payloads is null) return (entityId, title, null, null);
        payloads.Get(local, _scratch);
        return _scratch.Length switch
        {
            0 => (entityId, title, null, null),
            1 when _scratch.Bytes[_scratch.Offset] == 0 => (entityId, title, null, searcher.Doc(doc, StoredHitFields).Get(LuceneFields.Payload)),
            _ => (entityId, title, new ReadOnlyMemory<byte>(_scratch.Bytes, _scratch.Offset, _scratch.Length), null),
        };
    }

    /// <summary>The hit of <paramref name="doc"/>, its payload as bytes when the doc values hold it.</summary>
    public SearchHit Hit(DocumentKind kind, int doc, double score, IReadOnlyList<string>? highlights = null)
    {
        var (entityId, title, utf8, stored) = Read(doc);
        return utf8 is { } bytes
            ? new SearchHit(kind, entityId, score, title, bytes, highlights ?? [])
            : new SearchHit(kind, entityId, score, title, stored, highlights ?? []);
    }

    /// <summary>
    /// The hit of <paramref name="doc"/> with its entity id alone (an <see cref="SearchQuery.IdsOnly"/>
    /// search): no title decoded, no payload copied.
    /// </summary>
    public SearchHit IdHit(DocumentKind kind, int doc, double score)
    {
        var index = ReaderUtil.SubIndex(doc, _leaves);
        var ids = (_values[index] ??= LeafValues.Of(_leaves[index].AtomicReader)).Ids;
        var entityId = ids is not null
            ? (int)ids.Get(doc - _leaves[index].DocBase)
            : searcher.Doc(doc, StoredHitFields).GetField(LuceneFields.EntityId).GetInt32Value() ?? 0;
        return new SearchHit(kind, entityId, score, "", []);
    }

    public string Body(int doc) => searcher.Doc(doc, BodyField).Get(LuceneFields.Body) ?? "";

    private static string Utf8(BytesRef bytes) => Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length);

    private sealed record LeafValues(NumericDocValues? Ids, BinaryDocValues? Titles, BinaryDocValues? Payloads)
    {
        public static LeafValues Of(AtomicReader reader) => new(
            reader.GetNumericDocValues(LuceneFields.EntityId),
            reader.GetBinaryDocValues(LuceneFields.TitleValue),
            reader.GetBinaryDocValues(LuceneFields.PayloadValue));
    }
}
