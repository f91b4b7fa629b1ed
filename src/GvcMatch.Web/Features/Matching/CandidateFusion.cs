using GvcMatch.Search;

namespace GvcMatch.Web.Features.Matching;

/// <summary>
/// Reciprocal rank fusion: each list gives a hit 1 / (K + rank), summed over the lists it is in.
/// Ranks, not scores, are added, because BM25, concept overlap and cosine are on scales that do not
/// compare; a supplier found by two signals rises above one found by either alone.
/// </summary>
public static class CandidateFusion
{
    /// <summary>The usual constant: it keeps the first few ranks of one list from drowning the others.</summary>
    public const int K = 60;

    public static IReadOnlyList<(SearchHit Hit, double Fused)> Fuse(IEnumerable<IReadOnlyList<SearchHit>> lists, int take)
    {
        var all = lists as ICollection<IReadOnlyList<SearchHit>> ?? lists.ToList();
        var fused = new Dictionary<int, (SearchHit Hit, double Score)>(all.Sum(l => l.Count));
        foreach (var list in all)
        {
            for (var rank = 0; rank < list.Count; rank++)
            {
                var hit = list[rank];
                var add = 1.0 / (K + rank + 1);
                fused[hit.EntityId] = fused.TryGetValue(hit.EntityId, out var had) ? (had.Hit, had.Score + add) : (hit, add);
            }
        }
        return fused.Values
            .OrderByDescending(x => x.Score).ThenBy(x => x.Hit.EntityId)
            .Take(take)
            .Select(x => (x.Hit, x.Score))
            .ToList();
    }
}
