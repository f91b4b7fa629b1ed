using System.Numerics;

namespace GvcMatch.Matching.Composition;

/// <summary>
/// The search behind <see cref="ConsortiumComposer"/>, in two steps.
/// 1. Coverage: candidates that offer the same mandatory keywords form a class. A depth-first search
///    picks classes until every keyword is offered, always branching on the lowest keyword not yet
///    offered (some member must offer it), never deeper than the member limit, and cut off when the
///    keywords left exceed what the remaining places could offer at best. Only combinations where
///    every class offers a keyword no other does are kept.
/// 2. Members: each kept combination is filled with the class representatives (the best few of each
///    class); a set that covers every keyword but lacks capacity or export experience is completed
///    from the largest-capacity or best exporting candidates while there is room. A set is kept only
///    if it is valid and every member is needed (removing any one breaks a mandatory criterion).
/// </summary>
internal sealed class CompositionSearchRun(Shape shape, ComposerOptions options, List<Candidate> pool, Candidate? required)
{
    private readonly HashSet<string> _found = new(StringComparer.Ordinal);
    private readonly HashSet<string> _combinations = new(StringComparer.Ordinal);
    private readonly List<Candidate> _start = required is null ? [] : [required];
    private List<Candidate>[] _representatives = [];
    private List<int>[] _byBit = [];
    private ulong[] _masks = [];
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
        _representatives = classes.Select(c => Representatives(c.Members)).ToArray();
        _widest = classes.Count == 0 ? 0 : classes.Max(c => BitOperations.PopCount(c.Mask));
        _byBit = Enumerable.Range(0, shape.Keywords.Count)
            .Select(b => Enumerable.Range(0, classes.Count).Where(k => (classes[k].Mask & (1UL << b)) != 0).ToList()).ToArray();
        _extension = ExtensionPool();
        Cover(StartMask, []);
    }

    /// <summary>The best of a class by own weighted score, plus its largest capacity and best exporter where those are mandatory.</summary>
    private List<Candidate> Representatives(List<Candidate> members)
    {
        var picked = members.Take(options.RepresentativesPerClass).ToList();
        foreach (var i in shape.Capacity)
        {
            if (members.Where(m => m.CapacityInUnit[i] > 0).MaxBy(m => m.CapacityInUnit[i]) is { } largest) picked.Add(largest);
        }
        foreach (var i in shape.Export)
        {
            if (members.FirstOrDefault(m => m.Alone.Criteria[i].Met) is { } exporter) picked.Add(exporter);
        }
        return picked.Distinct().ToList();
    }

    /// <summary>Candidates that can complete a covering set: the largest capacities and the best exporters.</summary>
    private List<Candidate> ExtensionPool()
    {
        var picked = new List<Candidate>();
        foreach (var i in shape.Capacity)
        {
            picked.AddRange(pool.Where(m => m.Works && m.CapacityInUnit[i] > 0)
                .OrderByDescending(m => m.CapacityInUnit[i]).ThenBy(m => m.Id).Take(options.ExtensionPool));
        }
        foreach (var i in shape.Export)
        {
            picked.AddRange(pool.Where(m => m.Alone.Criteria[i].Met)
                .OrderByDescending(m => m.Alone.Total).ThenBy(m => m.Id).Take(options.ExtensionPool));
        }
        return picked.Distinct().ToList();
    }

    private void Cover(ulong covered, List<int> chosen)
    {
        if (Truncated) return;
        if (covered == shape.Full)
        {
            Fill(chosen);
            return;
        }
        if (chosen.Count == Slots) return;
        var open = shape.Full & ~covered;
        if (BitOperations.PopCount(open) > (Slots - chosen.Count) * _widest) return;
        var lowest = BitOperations.TrailingZeroCount(open);
        foreach (var k in _byBit[lowest])
        {
            chosen.Add(k);
            Cover(covered | _masks[k], chosen);
            chosen.RemoveAt(chosen.Count - 1);
        }
    }

    /// <summary>One class combination that covers every keyword: try the representatives of each class.</summary>
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
            Check(set);
            return;
        }
        foreach (var member in _representatives[chosen[at]])
        {
            set.Add(member);
            Pick(chosen, at + 1, set);
            set.RemoveAt(set.Count - 1);
        }
    }

    private void Check(List<Candidate> set)
    {
        if (++SetsExamined >= options.MaxSetsExamined) Truncated = true;
        if (SetEvaluator.IsValid(shape, set))
        {
            if (set.Count >= 2 && EveryMemberNeeded(set) && _found.Add(Key(set))) Found.Add(set.ToList());
            return;
        }
        if (set.Count >= options.MaxMembers || Truncated) return;
        // Every keyword is offered (the coverage step saw to it); what is missing adds up over members.
        foreach (var extra in _extension)
        {
            if (set.Contains(extra)) continue;
            set.Add(extra);
            Check(set);
            set.RemoveAt(set.Count - 1);
            if (Truncated) return;
        }
    }

    private bool EveryMemberNeeded(List<Candidate> set)
    {
        var without = new List<Candidate>(set.Count - 1);
        foreach (var m in set)
        {
            without.Clear();
            without.AddRange(set.Where(o => o != m));
            if (SetEvaluator.IsValid(shape, without)) return false;
        }
        return true;
    }

    private static string Key(List<Candidate> set) => string.Join(',', set.Select(m => m.Id).Order());
}
