using Lucene.Net.Search;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Reading documents by entity id: the second step after an ids-only search, so that only the
/// winners of a fusion have their payloads copied out of the doc values.
/// </summary>
public sealed partial class LuceneSearchIndex
{
    public Task<IReadOnlyList<SearchHit>> FetchAsync(DocumentKind kind, IReadOnlyList<int> entityIds, CancellationToken ct = default)
    {
        if (entityIds.Count > SearchQuery.MaxTake)
            throw new SearchQueryException("entityIds", $"At most {SearchQuery.MaxTake} documents are read at once.");
        ct.ThrowIfCancellationRequested();
        if (entityIds.Count == 0) return Task.FromResult<IReadOnlyList<SearchHit>>([]);
        return Task.FromResult(WithSearcher(searcher => Fetch(searcher, kind, entityIds)));
    }

    private readonly SegmentIdCache _ids = new();

    /// <summary>
    /// Each id is looked up in every segment's id map (built once per segment, then a binary
    /// search); the one live document holding it is read as a search hit.
    /// </summary>
    private IReadOnlyList<SearchHit> Fetch(IndexSearcher searcher, DocumentKind kind, IReadOnlyList<int> entityIds)
    {
        var leaves = searcher.IndexReader.Leaves;
        var maps = leaves.Select(l => _ids.For(l.AtomicReader)).ToArray();
        var reader = new HitReader(searcher);
        var hits = new List<SearchHit>(entityIds.Count);
        var seen = new HashSet<int>();
        foreach (var entityId in entityIds)
        {
            if (!seen.Add(entityId)) continue;
            for (var i = 0; i < leaves.Count; i++)
            {
                var doc = maps[i].Find(kind, entityId, leaves[i].AtomicReader.LiveDocs);
                if (doc < 0) continue;
                hits.Add(reader.Hit(kind, leaves[i].DocBase + doc, 0));
                break;
            }
        }
        return hits;
    }
}
