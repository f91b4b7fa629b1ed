using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>Field names of the Lucene index and their value encodings; <see cref="DocumentBuilder"/> maps a <see cref="SearchDocument"/> to them.</summary>
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

    /// <summary>The title as the doc value holds it (UTF-8).</summary>
    public static BytesRef TitleBytes(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return bytes.Length <= MaxValueBytes ? new BytesRef(bytes) : new BytesRef(System.Text.Encoding.UTF8.GetBytes(Truncate(text)));
    }

    /// <summary>Titles are short; this only guards the doc-value limit.</summary>
    private static string Truncate(string text) => text.Length > MaxValueBytes / 4 ? text[..(MaxValueBytes / 4)] : text;
}
