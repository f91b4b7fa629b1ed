namespace GvcMatch.Web.Pages.Shared;

/// <summary>
/// Blank form rows are dropped before validation, so "criteria[1]" in an error means the second
/// non-blank row; this maps such keys back to the row the person sees.
/// </summary>
public static class RowErrors
{
    public static IDictionary<string, string[]> Remap(IDictionary<string, string[]> errors, string list, IReadOnlyList<int> rowOfItem)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var prefix = list + "[";
        foreach (var (key, messages) in errors)
        {
            var target = key;
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var end = key.IndexOf(']', prefix.Length);
                if (end > 0 && int.TryParse(key.AsSpan(prefix.Length, end - prefix.Length), out var item) && item >= 0 && item < rowOfItem.Count)
                    target = $"{prefix}{rowOfItem[item]}{key[end..]}";
            }
            result[target] = result.TryGetValue(target, out var existing) ? [.. existing, .. messages] : messages;
        }
        return result;
    }

    /// <summary>The positions of the rows that are not blank, in order.</summary>
    public static List<int> NonBlank<T>(IReadOnlyList<T> rows, Func<T, bool> isBlank) =>
        Enumerable.Range(0, rows.Count).Where(i => !isBlank(rows[i])).ToList();
}
