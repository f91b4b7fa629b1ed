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
        if (source.Payload is not null) doc.Add(new StoredField(Payload, source.Payload));
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
}
