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
        // Services write their messages in English; the form shows them in the reader's language.
        var text = string.Join(" ", messages.Select(m => HtmlEncoder.Default.Encode(Features.Localization.MessageTexts.Translate(m))));
        return new HtmlString($"<div class=\"invalid-feedback d-block\" data-error-for=\"{HtmlEncoder.Default.Encode(key)}\">{text}</div>");
    }

    /// <summary>Splits a textarea or comma list into trimmed, non-empty items.</summary>
    public static List<string> SplitList(string? text) =>
        (text ?? "").Split([',', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0).ToList();

    public static string JoinLines(IEnumerable<string>? items) => string.Join("\n", items ?? []);

    public static string JoinComma(IEnumerable<string>? items) => string.Join(", ", items ?? []);
}
