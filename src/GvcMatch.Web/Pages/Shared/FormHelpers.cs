using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>
/// Field errors from the input records' Validate come keyed by JSON path ("criteria[1].weight");
/// the forms show them next to the matching field with these helpers.
/// </summary>
public static class FormHelpers
{
    /// <summary>"is-invalid" when the field (or any of its children) has an error, so Bootstrap marks it red.</summary>
    public static string Invalid(IDictionary<string, string[]>? errors, string key) =>
        errors is not null && errors.Keys.Any(k => k == key || k.StartsWith(key + ".", StringComparison.Ordinal) || k.StartsWith(key + "[", StringComparison.Ordinal))
            ? " is-invalid" : "";

    public static IHtmlContent Error(IDictionary<string, string[]>? errors, string key)
    {
        if (errors is null || !errors.TryGetValue(key, out var messages) || messages.Length == 0) return HtmlString.Empty;
        var text = string.Join(" ", messages.Select(m => HtmlEncoder.Default.Encode(m)));
        return new HtmlString($"<div class=\"invalid-feedback d-block\" data-error-for=\"{HtmlEncoder.Default.Encode(key)}\">{text}</div>");
    }

    /// <summary>Splits a textarea or comma list into trimmed, non-empty items.</summary>
    public static List<string> SplitList(string? text) =>
        (text ?? "").Split([',', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0).ToList();

    public static string JoinLines(IEnumerable<string>? items) => string.Join("\n", items ?? []);

    public static string JoinComma(IEnumerable<string>? items) => string.Join(", ", items ?? []);
}

/// <summary>Turns model-binding failures ("Input.LeadTimeDays" not a number) into the same JSON-path keys Validate uses.</summary>
public static class BindingErrors
{
    public static void AddTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, Infrastructure.Errors errors, string prefix = "Input.")
    {
        foreach (var (key, entry) in state)
        {
            if (entry.Errors.Count == 0) continue;
            var path = key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : key;
            var json = string.Join('.', path.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
            errors.Add(json, "This value is not valid here.");
        }
    }
}

/// <summary>Enum names as words for people: "NonExclusiveLicence" reads "Non exclusive licence".</summary>
public static class Words
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c)) sb.Append(' ').Append(char.ToLowerInvariant(c));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
