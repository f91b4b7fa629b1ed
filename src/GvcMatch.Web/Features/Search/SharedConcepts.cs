using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GvcMatch.Matching.Understanding;

namespace GvcMatch.Web.Features.Search;

/// <summary>
/// Tagged concepts as <see cref="SupplierPayloadReader"/> hands them out. The same tag (concept,
/// words, field and flags) recurs across thousands of suppliers and records are immutable, so one
/// instance serves them all: matching reads two hundred payloads of thirty-odd tags per query.
/// Keyed by the identity of the reader's pooled strings, so a lookup hashes no text; a string that
/// is not pooled (too long, or the pool full) simply finds no shared concept.
/// </summary>
internal static class SharedConcepts
{
    /// <summary>The pool stops growing here (a few MB), like the reader's string pool.</summary>
    private const int Capacity = 100_000;

    private static readonly ConcurrentDictionary<Key, TaggedConcept> Pool = new();
    private static int _count;

    public static TaggedConcept Get(string id, string text, string from, bool supported, bool stuffed, bool sold)
    {
        var key = new Key(id, text, from, (supported ? 1 : 0) | (stuffed ? 2 : 0) | (sold ? 4 : 0));
        if (Pool.TryGetValue(key, out var shared)) return shared;
        var concept = new TaggedConcept(id, text, from, supported, stuffed, sold);
        if (Volatile.Read(ref _count) < Capacity && Pool.TryAdd(key, concept)) Interlocked.Increment(ref _count);
        return concept;
    }

    /// <summary>A tagged concept by the identity of its strings and its flags.</summary>
    private readonly struct Key(string id, string text, string from, int flags) : IEquatable<Key>
    {
        private readonly string _id = id, _text = text, _from = from;
        private readonly int _flags = flags;

        public bool Equals(Key other) =>
            ReferenceEquals(_id, other._id) && ReferenceEquals(_text, other._text) && ReferenceEquals(_from, other._from) && _flags == other._flags;

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(_id), RuntimeHelpers.GetHashCode(_text), RuntimeHelpers.GetHashCode(_from), _flags);
    }
}
