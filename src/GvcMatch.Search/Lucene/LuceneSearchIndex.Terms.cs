using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Terms-count mode without a scorer. The concept list of matching asks for up to 256 concept ids
/// over tens of thousands of suppliers; as a disjunction of constant-score clauses every matching
/// document went through a scorer per clause, a bucket table and a sorting collector, about as dear
/// as the whole BM25 query. The count needs none of that: each value's postings are walked once
/// within the filter's bit set, adding one per document, and only documents that can still enter
/// the page have their entity id read for the tie-break. Same hits, scores (the count) and total
/// as the disjunction, which still serves queries that ask for facets.
/// </summary>
public sealed partial class LuceneSearchIndex
{
    private SearchResult SearchTermsCount(IndexSearcher searcher, SearchQuery query, KeywordFilter terms)
    {
        var field = LuceneFields.Keyword(terms.Field);
        var values = terms.Values.Distinct(StringComparer.Ordinal).Select(v => new Term(field, v)).ToList();
        var filter = _queries.Filter(query);
        var wanted = Math.Max(1, query.Skip + query.Take);
        var best = new PriorityQueue<(int Doc, int EntityId, int Count), (int Count, int EntityId)>(wanted + 1, WorstFirst.Instance);
        long total = 0;

        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (filter.GetDocIdSet(leaf, null) is not FixedBitSet allowed) continue;
            var counts = ArrayPool<ushort>.Shared.Rent(leaf.AtomicReader.MaxDoc);
            var touched = ArrayPool<int>.Shared.Rent(leaf.AtomicReader.MaxDoc);
            try
            {
                var found = Count(searcher, leaf, values, allowed, counts, touched);
                total += found;
                Select(leaf, counts, touched.AsSpan(0, found), best, wanted);
            }
            finally
            {
                ArrayPool<ushort>.Shared.Return(counts);
                ArrayPool<int>.Shared.Return(touched);
            }
        }

        var page = best.UnorderedItems.Select(i => i.Element)
            .OrderByDescending(h => h.Count).ThenBy(h => h.EntityId).Skip(query.Skip).Take(query.Take);
        var reader = new HitReader(searcher);
        // The entity ids are known already: an ids-only hit needs no doc values read again.
        var hits = page.Select(h => query.IdsOnly ? new SearchHit(query.Kind, h.EntityId, h.Count, "", []) : reader.Hit(query.Kind, h.Doc, h.Count)).ToList();
        return new SearchResult(total, hits, new Dictionary<string, IReadOnlyList<FacetValue>>());
    }

    /// <summary>
    /// Adds one per value to each allowed, live document holding it; returns how many documents
    /// hold any, listed in <paramref name="touched"/>.
    /// </summary>
    private static int Count(IndexSearcher searcher, AtomicReaderContext leaf, List<Term> values, FixedBitSet allowed, ushort[] counts, int[] touched)
    {
        var reader = leaf.AtomicReader;
        var termsEnum = reader.GetTerms(values[0].Field)?.GetEnumerator();
        if (termsEnum is null) return 0;
        var live = reader.LiveDocs;
        // The pooled array may hold an earlier query's counts (a 100,000-document segment clears in microseconds).
        Array.Clear(counts, 0, reader.MaxDoc);
        var found = 0;
        DocsEnum? docs = null;
        foreach (var value in values)
        {
            // The term's state for this segment, kept by the searcher: no terms dictionary walk for a known concept.
            var state = (searcher is CachingSearcher caching ? caching.StatesOf(value) : TermContext.Build(searcher.IndexReader.Context, value)).Get(leaf.Ord);
            if (state is null) continue;
            termsEnum.SeekExact(value.Bytes, state);
            docs = termsEnum.Docs(live, docs, DocsFlags.NONE);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                if (!allowed.Get(doc)) continue;
                if (counts[doc]++ == 0) touched[found++] = doc;
            }
        }
        return found;
    }

    /// <summary>Keeps the best <paramref name="wanted"/> by count, then lowest entity id, reading an id only when the count can compete.</summary>
    private static void Select(AtomicReaderContext leaf, ushort[] counts, ReadOnlySpan<int> touched, PriorityQueue<(int, int, int), (int, int)> best, int wanted)
    {
        var ids = leaf.AtomicReader.GetNumericDocValues(LuceneFields.EntityId);
        foreach (var doc in touched)
        {
            int count = counts[doc];
            if (best.Count < wanted)
            {
                var id = (int)ids.Get(doc);
                best.Enqueue((leaf.DocBase + doc, id, count), (count, id));
                continue;
            }
            best.TryPeek(out _, out var worst);
            if (count < worst.Item1) continue;
            var entityId = (int)ids.Get(doc);
            if (WorstFirst.Instance.Compare((count, entityId), worst) > 0) best.EnqueueDequeue((leaf.DocBase + doc, entityId, count), (count, entityId));
        }
    }

    /// <summary>The queue's head is the hit that leaves first: the lowest count, then the highest entity id.</summary>
    private sealed class WorstFirst : IComparer<(int Count, int EntityId)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((int Count, int EntityId) x, (int Count, int EntityId) y) =>
            x.Count != y.Count ? x.Count.CompareTo(y.Count) : y.EntityId.CompareTo(x.EntityId);
    }
}
