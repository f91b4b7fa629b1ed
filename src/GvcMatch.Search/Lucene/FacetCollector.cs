using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Counts keyword values over every matching document (not just the page) from the sorted-set
/// doc values. Lucene.NET 4.8 has no facet module we can use. Matching doc ids are buffered per
/// segment and counted one field at a time, by ordinal, so each field's doc values are read in one
/// sequential pass and ordinals become strings only once per segment.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> facets) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _totals =
        facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private AtomicReader? _segment;
    private int[] _docs = new int[1024];
    private int _count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _segment = context.AtomicReader;
    }

    public void Collect(int doc)
    {
        if (_count == _docs.Length) Array.Resize(ref _docs, _docs.Length * 2);
        _docs[_count++] = doc;
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
        if (_segment is null || _count == 0)
        {
            _count = 0;
            return;
        }
        var bytes = new BytesRef();
        foreach (var facet in facets)
        {
            if (_segment.GetSortedSetDocValues(LuceneFields.Keyword(facet)) is not { } values) continue;
            var counts = new int[values.ValueCount];
            // Fields with at most one value per segment are stored single-valued: a cheaper read.
            if (DocValues.UnwrapSingleton(values) is { } single)
            {
                for (var i = 0; i < _count; i++)
                {
                    var ord = single.GetOrd(_docs[i]);
                    if (ord >= 0) counts[ord]++;
                }
            }
            else
            {
                for (var i = 0; i < _count; i++)
                {
                    values.SetDocument(_docs[i]);
                    long ord;
                    while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) counts[ord]++;
                }
            }
            var total = _totals[facet];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                total[key] = total.GetValueOrDefault(key) + counts[ord];
            }
        }
        _count = 0;
    }
}
