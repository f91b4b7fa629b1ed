using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

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

    /// <summary>
    /// Each id is looked up in the id field's terms of every segment (a seek in the terms
    /// dictionary, microseconds); the one live document holding it is read as a search hit.
    /// </summary>
    private static IReadOnlyList<SearchHit> Fetch(IndexSearcher searcher, DocumentKind kind, IReadOnlyList<int> entityIds)
    {
        var leaves = searcher.IndexReader.Leaves;
        var terms = new TermsEnum?[leaves.Count];
        var reader = new HitReader(searcher);
        var hits = new List<SearchHit>(entityIds.Count);
        var seen = new HashSet<int>();
        DocsEnum? docs = null;
        foreach (var entityId in entityIds)
        {
            if (!seen.Add(entityId)) continue;
            var id = new BytesRef(SearchDocument.IdOf(kind, entityId));
            for (var i = 0; i < leaves.Count; i++)
            {
                var leaf = leaves[i].AtomicReader;
                if ((terms[i] ??= leaf.GetTerms(LuceneFields.Id)?.GetEnumerator()) is not { } enumerator || !enumerator.SeekExact(id)) continue;
                docs = enumerator.Docs(leaf.LiveDocs, docs, DocsFlags.NONE);
                var doc = docs.NextDoc();
                if (doc == DocIdSetIterator.NO_MORE_DOCS) continue;
                hits.Add(reader.Hit(kind, leaves[i].DocBase + doc, 0));
                break;
            }
        }
        return hits;
    }
}
