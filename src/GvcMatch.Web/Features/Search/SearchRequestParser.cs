using System.Globalization;
using GvcMatch.Search;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Search;

/// <summary>
/// Reads a search request from the query string. Any known keyword field is a filter
/// (<c>country=JP&amp;country=KR</c> means either), <c>min.X</c>/<c>max.X</c> are numeric ranges,
/// and everything unknown is refused by name, so a typo is a 400 rather than a silent miss.
/// </summary>
public static class SearchRequestParser
{
    private static readonly string[] Reserved = ["q", "page", "pageSize", "sort", "facets", "highlight"];

    public static SearchQuery Parse(DocumentKind kind, IQueryCollection query)
    {
        var keywordFields = SearchSchema.KeywordFields[kind];
        var numberFields = SearchSchema.NumberFields[kind];
        var filters = new List<KeywordFilter>();
        var ranges = new Dictionary<string, RangeFilter>();

        foreach (var (key, values) in query)
        {
            if (Reserved.Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
            var field = keywordFields.FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase));
            if (field is not null)
            {
                var list = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                if (list.Count > 0) filters.Add(new KeywordFilter(field, list));
                continue;
            }
            if (TryRange(key, values.ToString(), numberFields, ranges)) continue;
            throw new SearchQueryException(key, $"Unknown parameter '{key}'. Filters: {string.Join(", ", keywordFields)}; ranges: min./max. with {string.Join(", ", numberFields)}.");
        }

        var page = Int(query, "page", 1);
        var pageSize = Int(query, "pageSize", 20);
        if (page < 1) throw new SearchQueryException("page", "Page must be 1 or more.");
        if (pageSize is < 1 or > PageRequest.MaxPageSize) throw new SearchQueryException("pageSize", $"Page size is 1 to {PageRequest.MaxPageSize}.");
        if ((long)page * pageSize > SearchSchema.MaxWindow) throw new SearchQueryException("page", $"Results beyond the first {SearchSchema.MaxWindow} cannot be paged to; narrow the search.");

        var facets = query.TryGetValue("facets", out var f)
            ? f.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : keywordFields.ToList();

        var result = new SearchQuery
        {
            Kind = kind,
            Text = query["q"].ToString(),
            Filters = filters,
            Ranges = ranges.Values.ToList(),
            Facets = facets,
            Sort = Sort(query["sort"].ToString(), numberFields),
            Skip = (page - 1) * pageSize,
            Take = pageSize,
            Highlight = !string.Equals(query["highlight"].ToString(), "false", StringComparison.OrdinalIgnoreCase),
        };
        SearchSchema.Validate(result);
        return result;
    }

    private static bool TryRange(string key, string value, string[] numberFields, Dictionary<string, RangeFilter> ranges)
    {
        var parts = key.Split('.', 2);
        if (parts.Length != 2 || parts[0] is not ("min" or "max")) return false;
        var field = numberFields.FirstOrDefault(f => string.Equals(f, parts[1], StringComparison.OrdinalIgnoreCase));
        if (field is null) return false;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            throw new SearchQueryException(key, $"'{value}' is not a number.");
        var range = ranges.GetValueOrDefault(field) ?? new RangeFilter(field, null, null);
        ranges[field] = parts[0] == "min" ? range with { Min = number } : range with { Max = number };
        return true;
    }

    private static SortBy? Sort(string sort, string[] numberFields)
    {
        if (string.IsNullOrWhiteSpace(sort) || sort.Equals("relevance", StringComparison.OrdinalIgnoreCase)) return null;
        var descending = sort.StartsWith('-');
        var name = sort.TrimStart('-');
        var field = numberFields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new SearchQueryException("sort", $"Cannot sort by '{name}'. Use relevance or one of {string.Join(", ", numberFields)} (prefix - for descending).");
        return new SortBy(field, descending);
    }

    private static int Int(IQueryCollection query, string key, int fallback)
    {
        var raw = query[key].ToString();
        if (raw.Length == 0) return fallback;
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new SearchQueryException(key, $"'{raw}' is not a whole number.");
    }
}
