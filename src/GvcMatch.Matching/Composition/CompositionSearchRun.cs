using System.Numerics;

namespace GvcMatch.Matching.Composition;

/// <summary>
/// The search behind <see cref="ConsortiumComposer"/>, in two steps.
/// 1. Coverage: candidates that may do the same pieces of work form a class. A depth-first search
///    picks classes, always branching on the lowest mandatory piece not yet done (some member must do
///    it), then on the lowest weighted piece (a class that does it, or leave it undone), never deeper
///    than the member limit, and cut off when the mandatory pieces left exceed what the remaining
///    places could do at best. Only combinations where every class does a piece no other does are kept.
/// 2. Members: each kept combination is filled with the class representatives (the best few of each
///    class); a set that lacks capacity or a fact one member must bring (export experience, a
///    certificate for the consortium) is completed from the best candidates for it while there is
///    room. A set is kept only if it is valid and every member is needed (removing any one breaks a
///    mandatory criterion or leaves a piece of work undone).
/// </summary>
internal sealed class CompositionSearchRun(Shape shape, ComposerOptions options, List<Candidate> pool, Candidate? required)
{
    private readonly HashSet<string> _found = new(StringComparer.Ordinal);
    private readonly HashSet<string> _combinations = new(StringComparer.Ordinal);
    private readonly List<Candidate> _start = required is null ? [] : [required];
    private List<Candidate>[] _representatives = [];
    private List<int>[] _byBit = [];
    private ulong[] _masks = [];
    private ulong _coverable;
    private int _widest;
    private List<Candidate> _extension = [];

    public List<IReadOnlyList<Candidate>> Found { get; } = [];
    public int Classes { get; private set; }
    public long ClassCombinations { get; private set; }
    public long SetsExamined { get; private set; }
    public bool Truncated { get; private set; }

    private ulong StartMask => required?.Mask ?? 0;
    private int Slots => options.MaxMembers - _start.Count;

    public void Run()
    {
        var classes = pool.Where(c => (c.Mask & ~StartMask) != 0)
            .GroupBy(c => c.Mask & ~StartMask)
            .Select(g => (Mask: g.Key, Members: g.OrderByDescending(c => c.Alone.Total).ThenBy(c => c.Id).ToList()))
            .OrderByDescending(g => g.Members[0].Alone.Total).ThenBy(g => g.Mask)
            .ToList();
        Classes = classes.Count;
        _masks = classes.Select(c => c.Mask).ToArray();
        _coverable = _masks.Aggregate(StartMask, (a, m) => a | m);
        _representatives = classes.Select(c => Representatives(c.Members)).ToArray();
        _widest = classes.Count == 0 ? 0 : classes.Max(c => BitOperations.PopCount(c.Mask));
        _byBit = Enumerable.Range(0, Math.Min(shape.Keywords.Count, Shape.MaxKeywords))
            .Select(b => Enumerable.Range(0, classes.Count).Where(k => (classes[k].Mask & (1UL << b)) != 0).ToList()).ToArray();
        _extension = ExtensionPool();
        Cover(StartMask, 0, []);
    }

    /// <summary>The best of a class by own weighted score, plus its largest capacity and its best for each fact one member must bring.</summary>
    private List<Candidate> Representatives(List<Candidate> members)
    {
        var picked = members.Take(options.RepresentativesPerClass).ToList();
        foreach (var i in shape.Capacity)
        {
            if (members.Where(m => m.CapacityIn[i] > 0).MaxBy(m => m.CapacityIn[i]) is { } largest) picked.Add(largest);
        }
        foreach (var i in shape.AnyMember)
        {
            if (members.FirstOrDefault(m => m.Alone.Criteria[i].Met) is { } holder) picked.Add(holder);
        }
        return picked.Distinct().ToList();
    }

    /// <summary>Candidates that can complete a set: the largest capacities and the best holders of each fact one member must bring.</summary>
    private List<Candidate> ExtensionPool()
    {
        var picked = new List<Candidate>();
        foreach (var i in shape.Capacity)
        {
            var role = shape.RoleOf[i];
            picked.AddRange(pool.Where(m => m.CapacityIn[i] > 0 && (role is null ? m.Works(shape) : m.DoesRole(shape, role)))
                .OrderByDescending(m => m.CapacityIn[i]).ThenBy(m => m.Id).Take(options.ExtensionPool));
        }
        foreach (var i in shape.AnyMember)
        {
            picked.AddRange(pool.Where(m => m.Alone.Criteria[i].Met)
                .OrderByDescending(m => m.Alone.Total).ThenBy(m => m.Id).Take(options.ExtensionPool));
        }
        return picked.Distinct().ToList();
    }

    private void Cover(ulong covered, ulong skipped, List<int> chosen)
    {
        if (Truncated) return;
        var open = shape.Full & ~covered;
        if (open != 0)
        {
            if (chosen.Count == Slots || BitOperations.PopCount(open) > (Slots - chosen.Count) * _widest) return;
            Branch(BitOperations.TrailingZeroCount(open), covered, skipped, chosen);
            return;
        }
        var optional = shape.AllPieces & _coverable & ~covered & ~skipped;
        if (optional == 0 || chosen.Count == Slots)
        {
            Fill(chosen);
            return;
        }
        var lowest = BitOperations.TrailingZeroCount(optional);
        Branch(lowest, covered, skipped, chosen);
        // Or leave this weighted piece undone: a set that does fewer pieces may still be the best there is.
        Cover(covered, skipped | (1UL << lowest), chosen);
    }

    private void Branch(int bit, ulong covered, ulong skipped, List<int> chosen)
    {
        foreach (var k in _byBit[bit])
        {
            chosen.Add(k);
            Cover(covered | _masks[k], skipped, chosen);
            chosen.RemoveAt(chosen.Count - 1);
            if (Truncated) return;
        }
    }

    /// <summary>One class combination: try the representatives of each class.</summary>
    private void Fill(List<int> chosen)
    {
        if (!_combinations.Add(string.Join(',', chosen.Order()))) return;
        for (var a = 0; a < chosen.Count; a++)
        {
            var others = StartMask;
            for (var b = 0; b < chosen.Count; b++) if (b != a) others |= _masks[chosen[b]];
            if ((_masks[chosen[a]] & ~others) == 0) return;
        }
        ClassCombinations++;
        var set = new List<Candidate>(_start);
        Pick(chosen, 0, set);
    }

    private void Pick(List<int> chosen, int at, List<Candidate> set)
    {
        if (Truncated) return;
        if (at == chosen.Count)
        {
            Check(set, 0);
            return;
        }
        foreach (var member in _representatives[chosen[at]])
        {
            set.Add(member);
            Pick(chosen, at + 1, set);
            set.RemoveAt(set.Count - 1);
        }
    }

    private void Check(List<Candidate> set, int from)
    {
        if (++SetsExamined >= options.MaxSetsExamined) Truncated = true;
        if (SetEvaluator.IsValid(shape, set))
        {
            if (set.Count >= 2 && EveryMemberNeeded(set) && _found.Add(Key(set))) Found.Add(set.ToList());
            return;
        }
        if (set.Count >= options.MaxMembers || Truncated) return;
        // What is missing adds up over members (capacity) or needs one member (export experience, ...).
        for (var e = from; e < _extension.Count; e++)
        {
            var extra = _extension[e];
            if (set.Contains(extra)) continue;
            set.Add(extra);
            Check(set, e + 1);
            set.RemoveAt(set.Count - 1);
            if (Truncated) return;
        }
    }

    private bool EveryMemberNeeded(List<Candidate> set)
    {
        var pieces = BitOperations.PopCount(SetEvaluator.Covered(set) & shape.AllPieces);
        var without = new List<Candidate>(set.Count - 1);
        foreach (var m in set)
        {
            without.Clear();
            foreach (var o in set) if (o != m) without.Add(o);
            if (SetEvaluator.IsValid(shape, without) && BitOperations.PopCount(SetEvaluator.Covered(without) & shape.AllPieces) == pieces) return false;
        }
        return true;
    }

    private static string Key(List<Candidate> set) => string.Join(',', set.Select(m => m.Id).Order());
}
