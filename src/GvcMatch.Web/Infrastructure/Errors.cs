namespace GvcMatch.Web.Infrastructure;

/// <summary>Collects field errors keyed by JSON path, in the shape ValidationProblemDetails wants.</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void AddRange(IEnumerable<KeyValuePair<string, string[]>> errors)
    {
        foreach (var (field, messages) in errors)
            foreach (var message in messages) Add(field, message);
    }

    /// <summary>Required text of at most <paramref name="max"/> characters.</summary>
    public void Required(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "This field is required.");
        else MaxLength(field, value, max);
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max) Add(field, $"At most {max} characters (got {value.Length}).");
    }

    /// <summary>A name shown on one line (and written into mail subjects): no line breaks or other control characters.</summary>
    public void SingleLine(string field, string? value)
    {
        if (value is not null && value.Any(char.IsControl)) Add(field, "Must be one line: no line breaks or control characters.");
    }

    public void Codes(string field, IReadOnlyList<string>? codes, Func<string, bool> known, string what, int maxItems = 50)
    {
        if (codes is null) return;
        if (codes.Count > maxItems) Add(field, $"At most {maxItems} items.");
        foreach (var code in codes.Where(c => !known(c))) Add(field, $"Unknown {what} '{code}'.");
    }

    public void TextList(string field, IReadOnlyList<string>? items, int maxItems, int maxLength)
    {
        if (items is null) return;
        if (items.Count > maxItems) Add(field, $"At most {maxItems} items.");
        if (items.Any(i => string.IsNullOrWhiteSpace(i) || i.Length > maxLength)) Add(field, $"Each item must be 1 to {maxLength} characters.");
    }

    public void Url(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        MaxLength(field, value, max);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            Add(field, "Must be an absolute http(s) address.");
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
