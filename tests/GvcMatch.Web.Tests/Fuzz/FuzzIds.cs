namespace GvcMatch.Web.Tests.Fuzz;

/// <summary>
/// The ids of the objects the run made, by the collection a path names (<c>requirements</c>,
/// <c>bids</c>, ...), and which of them each caller owns, so that most generated paths reach a
/// real object, the caller's own or someone else's, instead of stopping at a 404.
/// </summary>
public sealed class FuzzIds(IReadOnlyDictionary<string, string[]> all, IReadOnlyDictionary<string, Dictionary<string, string[]>> own)
{
    public IReadOnlyList<string> All { get; } = all.Values.SelectMany(v => v).Where(v => long.TryParse(v, out _)).Distinct().ToList();

    /// <summary>
    /// An id for the parameter from the collection before it in the path: with <paramref name="probe"/>
    /// the caller's own first, then the others, in order; otherwise at random, half the time its own.
    /// </summary>
    public string For(string path, string parameter, string role, Random random, int? probe = null)
    {
        var segments = path.Split('/');
        var at = Array.IndexOf(segments, "{" + parameter + "}");
        var collection = at > 0 ? segments[at - 1] : "";
        var mine = own.GetValueOrDefault(role)?.GetValueOrDefault(collection) ?? [];
        var candidates = mine.Concat(all.GetValueOrDefault(collection) ?? []).Distinct().ToArray();
        if (candidates.Length == 0) return All[(probe ?? random.Next()) % All.Count];
        if (probe is { } k) return candidates[k % candidates.Length];
        if (mine.Length > 0 && random.Next(2) == 0) return mine[random.Next(mine.Length)];
        return random.Next(5) == 0 ? All[random.Next(All.Count)] : candidates[random.Next(candidates.Length)];
    }
}
