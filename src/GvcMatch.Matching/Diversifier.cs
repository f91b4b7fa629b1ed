namespace GvcMatch.Matching;

/// <summary>
/// Re-orders a ranked list so that the first page is not taken by one group (a country, an
/// incumbent): at most <c>maxPerGroup</c> items of a group on the page, the rest of the page filled
/// by the best items of other groups, and everything that was held back following in rank order.
/// </summary>
public static class Diversifier
{
    public static List<T> Diversify<T>(IReadOnlyList<T> ranked, Func<T, string> group, int pageSize, int maxPerGroup)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerGroup, 1);
        var page = new List<T>(Math.Min(pageSize, ranked.Count));
        var held = new List<T>();
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in ranked)
        {
            var key = group(item);
            var n = counts.GetValueOrDefault(key);
            if (page.Count < pageSize && n < maxPerGroup)
            {
                page.Add(item);
                counts[key] = n + 1;
            }
            else
            {
                held.Add(item);
            }
        }
        // Not enough other groups to fill the page: top it up in rank order rather than leave gaps.
        while (page.Count < pageSize && held.Count > 0)
        {
            page.Add(held[0]);
            held.RemoveAt(0);
        }
        page.AddRange(held);
        return page;
    }
}
