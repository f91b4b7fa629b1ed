using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Infrastructure;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Paging parameters shared by every list; out-of-range values are refused, not clamped silently.</summary>
public record PageRequest
{
    public const int MaxPageSize = 100;

    [Range(1, 100_000)]
    public int Page { get; init; } = 1;

    [Range(1, MaxPageSize)]
    public int PageSize { get; init; } = 20;

    public int Skip => (Page - 1) * PageSize;

    public void Validate(Errors errors)
    {
        if (Page is < 1 or > 100_000) errors.Add("page", "Page is 1 to 100000.");
        if (PageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"Page size is 1 to {MaxPageSize}.");
    }
}
