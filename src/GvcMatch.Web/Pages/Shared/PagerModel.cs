using Microsoft.AspNetCore.Http.Extensions;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>Page links that keep the current filters of the query string.</summary>
public sealed record PagerModel(int Page, int Pages, IQueryCollection Query)
{
    public string Link(int page)
    {
        var qb = new QueryBuilder();
        foreach (var (key, values) in Query)
        {
            if (string.Equals(key, "page", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var v in values) if (!string.IsNullOrEmpty(v)) qb.Add(key, v);
        }
        qb.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return qb.ToQueryString().Value ?? "";
    }
}
