using System.Numerics;

namespace GvcMatch.Events.Scheduling;

/// <summary>
/// A set of meeting slots as bits: availability, what a participant has booked and where two
/// participants are both free are intersections of these, which keeps the scheduler's inner loop to
/// a few word operations per meeting even for a three-day fair of 15-minute slots.
/// </summary>
public sealed class SlotSet
{
    private readonly ulong[] _words;

    public SlotSet(int slotCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slotCount);
        SlotCount = slotCount;
        _words = new ulong[(slotCount + 63) / 64];
    }

    public int SlotCount { get; }

    public static SlotSet All(int slotCount)
    {
        var set = new SlotSet(slotCount);
        for (var s = 0; s < slotCount; s++) set.Add(s);
        return set;
    }

    public static SlotSet Of(int slotCount, IEnumerable<int> slots)
    {
        var set = new SlotSet(slotCount);
        foreach (var s in slots) set.Add(s);
        return set;
    }

    public bool Contains(int slot) => (uint)slot < (uint)SlotCount && (_words[slot >> 6] & (1UL << (slot & 63))) != 0;

    public void Add(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, SlotCount);
        _words[slot >> 6] |= 1UL << (slot & 63);
    }

    public void Remove(int slot) => _words[slot >> 6] &= ~(1UL << (slot & 63));

    public int Count
    {
        get
        {
            var n = 0;
            foreach (var w in _words) n += BitOperations.PopCount(w);
            return n;
        }
    }

    /// <summary>The slots in all of <paramref name="sets"/>, less those in <paramref name="except"/>, in order.</summary>
    internal static IEnumerable<int> Common(SlotSet a, SlotSet b, SlotSet? exceptA = null, SlotSet? exceptB = null, SlotSet? exceptC = null)
    {
        for (var i = 0; i < a._words.Length; i++)
        {
            var w = a._words[i] & b._words[i];
            if (exceptA is not null) w &= ~exceptA._words[i];
            if (exceptB is not null) w &= ~exceptB._words[i];
            if (exceptC is not null) w &= ~exceptC._words[i];
            while (w != 0)
            {
                var bit = BitOperations.TrailingZeroCount(w);
                yield return (i << 6) + bit;
                w &= w - 1;
            }
        }
    }

    /// <summary>How many slots are in both sets and in none of the excluded ones.</summary>
    internal static int CountCommon(SlotSet a, SlotSet b, SlotSet exceptA, SlotSet exceptB, SlotSet exceptC)
    {
        var n = 0;
        for (var i = 0; i < a._words.Length; i++)
            n += BitOperations.PopCount(a._words[i] & b._words[i] & ~exceptA._words[i] & ~exceptB._words[i] & ~exceptC._words[i]);
        return n;
    }

    public IEnumerable<int> Slots() => Common(this, this);
}
