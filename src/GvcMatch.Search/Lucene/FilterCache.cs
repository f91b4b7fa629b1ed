using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Keeps each filter clause (the document kind, one keyword filter, one range) as a bit set per
/// segment, so a query ANDs a few cached bit sets instead of walking the clauses' postings again.
/// Matching asks for the same few clauses over and over (kind = supplier, ISO 9001, a region);
/// evaluating them was about 2 ms of a broad requirement's 5 ms at 100k suppliers.
/// <para/>
/// A bit set also gives the text query random access to the filter, which lets Lucene score the
/// text disjunction in its faster out-of-order bulk scorer instead of leap-frogging with the filter.
/// <para/>
/// Invalidation comes with Lucene's segments: bit sets are keyed by the segment's core (which an
/// NRT reopen keeps for unchanged segments and which new segments do not share), they are computed
/// without deletions and each query masks them with the segment's live documents. A segment merged
/// away or a generation replaced by a rebuild drops its bit sets with its reader.
/// </summary>
internal sealed class FilterCache(int capacity)
{
    private readonly Recent<Query, ClauseBits> _clauses = new(capacity);
    // Combinations are fewer than clauses (about one per open requirement) but cost maxDoc / 8 bytes
    // per segment each, as a clause does: half as many are kept.
    private readonly Recent<Combination, AllOf> _combinations = new(Math.Max(1, capacity / 2));

    /// <summary>
    /// A filter that matches documents matching every clause. The same clauses give the same
    /// filter object, whose per-segment AND of the clauses' bit sets is kept: matching runs three
    /// lists under one requirement's filter, and asks for that requirement again and again.
    /// </summary>
    public Filter All(IReadOnlyList<Query> clauses)
    {
        var key = new Combination(clauses.ToArray());
        return _combinations.GetOrAdd(key, k => new AllOf(k.Clauses.Select(c => _clauses.GetOrAdd(c, q => new ClauseBits(new QueryWrapperFilter(q)))).ToArray()));
    }

    /// <summary>Clauses in their order, compared by value (Lucene queries have value equality).</summary>
    private sealed class Combination(Query[] clauses) : IEquatable<Combination>
    {
        private readonly int _hash = clauses.Aggregate(17, (h, c) => HashCode.Combine(h, c));

        public Query[] Clauses => clauses;

        public bool Equals(Combination? other) => other is not null && _hash == other._hash && clauses.AsSpan().SequenceEqual(other.Clauses);

        public override bool Equals(object? obj) => Equals(obj as Combination);

        public override int GetHashCode() => _hash;
    }

    /// <summary>Values by key, most recently used first; the least recently used one goes when full.</summary>
    private sealed class Recent<TKey, TValue>(int capacity) where TKey : notnull
    {
        private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _byKey = [];
        private readonly LinkedList<(TKey Key, TValue Value)> _recent = [];
        private readonly Lock _lock = new();

        public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
        {
            lock (_lock)
            {
                if (_byKey.TryGetValue(key, out var node))
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    return node.Value.Value;
                }
                var value = create(key);
                _byKey[key] = _recent.AddFirst((key, value));
                if (_byKey.Count > capacity)
                {
                    var last = _recent.Last!;
                    _recent.RemoveLast();
                    _byKey.Remove(last.Value.Key);
                }
                return value;
            }
        }
    }

    /// <summary>One clause's documents per segment as a <see cref="FixedBitSet"/> (Lucene's default cache format has no random access).</summary>
    private sealed class ClauseBits(Filter clause) : CachingWrapperFilter(clause)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }

        /// <summary>The cached bit set of <paramref name="context"/>'s segment, deletions included; null when no document matches.</summary>
        public FixedBitSet? Segment(AtomicReaderContext context) => GetDocIdSet(context, null) as FixedBitSet;
    }

    /// <summary>
    /// Every clause's bit set ANDed, kept per segment core like the clauses' own (a segment's
    /// combination is as immutable as its clauses'; deletions are applied per query).
    /// </summary>
    private sealed class AllOf(ClauseBits[] clauses) : Filter
    {
        private static readonly StrongBox<FixedBitSet?> Empty = new(null);
        private readonly ConditionalWeakTable<object, StrongBox<FixedBitSet?>> _segments = new();

        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
        {
            var result = _segments.GetValue(context.AtomicReader.CoreCacheKey, _ => Combine(context)).Value;
            return result is null ? null : BitsFilteredDocIdSet.Wrap(result, acceptDocs);
        }

        private StrongBox<FixedBitSet?> Combine(AtomicReaderContext context)
        {
            FixedBitSet? result = null;
            var copied = false;
            foreach (var clause in clauses)
            {
                if (clause.Segment(context) is not { } bits) return Empty;
                if (result is null)
                {
                    result = bits;
                    continue;
                }
                // The clauses' sets are shared with other combinations: AND into a copy, made once.
                if (!copied)
                {
                    result = result.Clone();
                    copied = true;
                }
                result.And(bits);
            }
            return new StrongBox<FixedBitSet?>(result);
        }
    }
}
