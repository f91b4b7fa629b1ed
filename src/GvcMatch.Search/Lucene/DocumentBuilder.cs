using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Turns <see cref="SearchDocument"/>s into Lucene documents (the layout of <see cref="LuceneFields"/>),
/// reusing its Field instances from one document to the next. A Field keeps the token stream it
/// indexes a keyword or a number with, so a new Field per value built a new stream (and its
/// attribute set) for each of a supplier's 60 or so keyword and number values: about half of what
/// the index writer spent per document. One builder per thread; a document it returns is valid
/// until its next call, which is all the index writer needs (it copies what it indexes).
/// </summary>
internal sealed class DocumentBuilder
{
    private readonly StringField _id = new(LuceneFields.Id, "", Field.Store.NO);
    private readonly StringField _kind = new(LuceneFields.Kind, "", Field.Store.YES);
    private readonly StoredField _entityId = new(LuceneFields.EntityId, 0);
    // Doc values give the tie-break sort on entity id, so equal scores page stably.
    private readonly NumericDocValuesField _entityOrder = new(LuceneFields.EntityId, 0L);
    private readonly TextField _title = new(LuceneFields.Title, "", Field.Store.YES);
    private readonly TextField _body = new(LuceneFields.Body, "", Field.Store.YES);
    private readonly TextField _titleCjk = new(LuceneFields.TitleCjk, "", Field.Store.NO);
    private readonly TextField _bodyCjk = new(LuceneFields.BodyCjk, "", Field.Store.NO);
    private readonly BinaryDocValuesField _titleValue = new(LuceneFields.TitleValue, new BytesRef());
    private readonly BinaryDocValuesField _payloadValue = new(LuceneFields.PayloadValue, new BytesRef());
    private readonly StoredField _payload = new(LuceneFields.Payload, "");
    private readonly BinaryDocValuesField _vector = new(LuceneFields.VectorValue, new BytesRef());
    private readonly Dictionary<string, List<(StringField Term, SortedSetDocValuesField Value)>> _keywords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DoubleField Term, DoubleDocValuesField Value)> _numbers = new(StringComparer.Ordinal);

    public Document Build(SearchDocument source)
    {
        _id.SetStringValue(source.Id);
        _kind.SetStringValue(source.Kind.ToString());
        _entityId.SetInt32Value(source.EntityId);
        _entityOrder.SetInt64Value(source.EntityId);
        _title.SetStringValue(source.Title);
        _body.SetStringValue(source.Body);
        _titleCjk.SetStringValue(source.Title);
        _bodyCjk.SetStringValue(source.Body);
        _titleValue.SetBytesValue(LuceneFields.TitleBytes(source.Title));
        var doc = new Document { _id, _kind, _entityId, _entityOrder, _title, _body, _titleCjk, _bodyCjk, _titleValue };
        if (source.Payload is not null)
        {
            var payload = System.Text.Encoding.UTF8.GetBytes(source.Payload);
            if (payload.Length is > 0 and <= LuceneFields.MaxValueBytes)
            {
                _payloadValue.SetBytesValue(new BytesRef(payload));
                doc.Add(_payloadValue);
            }
            else
            {
                _payloadValue.SetBytesValue(LuceneFields.InStoredField);
                _payload.SetStringValue(source.Payload);
                doc.Add(_payloadValue);
                doc.Add(_payload);
            }
        }
        if (source.Vector is { Length: > 0 and <= LuceneFields.MaxValueBytes / sizeof(float) } vector)
        {
            _vector.SetBytesValue(new BytesRef(LuceneFields.VectorBytes(vector)));
            doc.Add(_vector);
        }
        foreach (var (field, values) in source.Keywords)
        {
            var name = LuceneFields.Keyword(field);
            if (!_keywords.TryGetValue(name, out var pool)) _keywords[name] = pool = [];
            var used = 0;
            foreach (var value in values.Distinct(StringComparer.Ordinal))
            {
                if (used == pool.Count) pool.Add((new StringField(name, "", Field.Store.NO), new SortedSetDocValuesField(name, new BytesRef())));
                var (term, docValue) = pool[used++];
                // The indexed term filters; the doc value lets a collector count facets per segment.
                term.SetStringValue(value);
                docValue.SetBytesValue(new BytesRef(value));
                doc.Add(term);
                doc.Add(docValue);
            }
        }
        foreach (var (field, value) in source.Numbers)
        {
            var name = LuceneFields.Number(field);
            if (!_numbers.TryGetValue(name, out var number))
                _numbers[name] = number = (new DoubleField(name, 0d, Field.Store.NO), new DoubleDocValuesField(name, 0d));
            number.Term.SetDoubleValue(value);
            number.Value.SetDoubleValue(value);
            doc.Add(number.Term);
            doc.Add(number.Value);
        }
        return doc;
    }
}
