using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Counts keyword values over every matching document (not just the page) from the sorted-set
/// doc values, one ordinal array per segment, turning ordinals into strings only once per segment.
/// Lucene.NET 4.8 has no facet module we can use, and this is a few milliseconds per 100k hits.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> facets) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _totals =
        facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[facets.Count];
    private readonly int[]?[] _counts = new int[]?[facets.Count];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < facets.Count; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(LuceneFields.Keyword(facets[i]));
            _values[i] = values;
            _counts[i] = values is null ? null : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values) continue;
            var counts = _counts[i]!;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) counts[ord]++;
        }
    }

    /// <summary>Values by count, most frequent first, then by value so equal counts have a fixed order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result()
    {
        FlushSegment();
        return _totals.ToDictionary(
            t => t.Key,
            t => (IReadOnlyList<FacetValue>)t.Value
                .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => new FacetValue(v.Key, v.Value)).ToList());
    }

    private void FlushSegment()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values || _counts[i] is not { } counts) continue;
            var total = _totals[facets[i]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                total[key] = total.GetValueOrDefault(key) + counts[ord];
            }
            _values[i] = null;
            _counts[i] = null;
        }
    }
}
