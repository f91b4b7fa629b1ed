namespace GvcMatch.Web.Infrastructure;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// Paging parameters shared by every list. Both are optional in a query string (hence nullable:
/// minimal APIs treat non-nullable bound properties as required); out-of-range values are refused,
/// not clamped silently.
/// </summary>
public record PageRequest
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;
    public int Size => PageSize ?? DefaultPageSize;
    public int Skip => (PageNumber - 1) * Size;

    public void Validate(Errors errors)
    {
        if (PageNumber is < 1 or > 100_000) errors.Add("page", "Page is 1 to 100000.");
        if (Size is < 1 or > MaxPageSize) errors.Add("pageSize", $"Page size is 1 to {MaxPageSize}.");
    }
}
