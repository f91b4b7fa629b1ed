using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>Field names of the Lucene index and the mapping from <see cref="SearchDocument"/>.</summary>
internal static class LuceneFields
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string EntityId = "entityId";
    public const string Title = "title";
    public const string Body = "body";
    public const string TitleCjk = "title_cjk";
    public const string BodyCjk = "body_cjk";
    public const string Payload = "payload";

    /// <summary>Title and payload again as doc values: a hit is read without decompressing stored fields.</summary>
    public const string TitleValue = "dv.title";
    public const string PayloadValue = "dv.payload";

    /// <summary>
    /// The document's embedding as little-endian float32 doc values: committed with the document
    /// and its checkpoint, so vectors can never disagree with the index they belong to.
    /// </summary>
    public const string VectorValue = "dv.vector";

    /// <summary>Lucene caps one binary doc value at about 32 KB; a larger payload stays a stored field only.</summary>
    public const int MaxValueBytes = 32_000;

    /// <summary>The doc value that says "the payload is in the stored field" (one zero byte).</summary>
    public static readonly BytesRef InStoredField = new([0]);

    public static string Keyword(string field) => "kw." + field;
    public static string Number(string field) => "num." + field;

    public static Document ToDocument(SearchDocument source)
    {
        var doc = new Document
        {
            new StringField(Id, source.Id, Field.Store.NO),
            new StringField(Kind, source.Kind.ToString(), Field.Store.YES),
            new StoredField(EntityId, source.EntityId),
            // Doc values give the tie-break sort on entity id, so equal scores page stably.
            new NumericDocValuesField(EntityId, source.EntityId),
            new TextField(Title, source.Title, Field.Store.YES),
            new TextField(Body, source.Body, Field.Store.YES),
            new TextField(TitleCjk, source.Title, Field.Store.NO),
            new TextField(BodyCjk, source.Body, Field.Store.NO),
        };
        doc.Add(new BinaryDocValuesField(TitleValue, Utf8(source.Title)));
        if (source.Payload is not null)
        {
            var payload = System.Text.Encoding.UTF8.GetBytes(source.Payload);
            if (payload.Length is > 0 and <= MaxValueBytes) doc.Add(new BinaryDocValuesField(PayloadValue, new BytesRef(payload)));
            else
            {
                doc.Add(new BinaryDocValuesField(PayloadValue, InStoredField));
                doc.Add(new StoredField(Payload, source.Payload));
            }
        }
        if (source.Vector is { Length: > 0 and <= MaxValueBytes / sizeof(float) } vector)
            doc.Add(new BinaryDocValuesField(VectorValue, new BytesRef(VectorBytes(vector))));
        foreach (var (field, values) in source.Keywords)
        {
            var name = Keyword(field);
            foreach (var value in values.Distinct(StringComparer.Ordinal))
            {
                // The indexed term filters; the doc value lets a collector count facets per segment.
                doc.Add(new StringField(name, value, Field.Store.NO));
                doc.Add(new SortedSetDocValuesField(name, new BytesRef(value)));
            }
        }
        foreach (var (field, value) in source.Numbers)
        {
            var name = Number(field);
            doc.Add(new DoubleField(name, value, Field.Store.NO));
            doc.Add(new DoubleDocValuesField(name, value));
        }
        return doc;
    }

    public static byte[] VectorBytes(float[] vector)
    {
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
            for (var i = 0; i < bytes.Length; i += sizeof(float)) Array.Reverse(bytes, i, sizeof(float));
        return bytes;
    }

    public static float[] Vector(BytesRef bytes)
    {
        var copy = new byte[bytes.Length];
        Array.Copy(bytes.Bytes, bytes.Offset, copy, 0, bytes.Length);
        if (!BitConverter.IsLittleEndian)
            for (var i = 0; i < copy.Length; i += sizeof(float)) Array.Reverse(copy, i, sizeof(float));
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(copy).ToArray();
    }

    private static BytesRef Utf8(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return bytes.Length <= MaxValueBytes ? new BytesRef(bytes) : new BytesRef(System.Text.Encoding.UTF8.GetBytes(Truncate(text)));
    }

    /// <summary>Titles are short; this only guards the doc-value limit.</summary>
    private static string Truncate(string text) => text.Length > MaxValueBytes / 4 ? text[..(MaxValueBytes / 4)] : text;
}
