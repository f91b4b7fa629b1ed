using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// Reads pages the way a browser sees them (AngleSharp's HTML5 parser), so a test asks for an
/// element by selector and does not break when Razor orders attributes or spaces differently.
/// </summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The value of the first form field named <paramref name="name"/>, or null when the page has none.</summary>
    public static string? FieldValue(string html, string name) => FieldValue(Parse(html), name);

    public static string? FieldValue(IParentNode page, string name) =>
        page.QuerySelectorAll("input, textarea, select").FirstOrDefault(e => e.GetAttribute("name") == name) switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            IHtmlSelectElement select => select.Value,
            _ => null,
        };

    /// <summary>The values of every form field named <paramref name="name"/>, in page order.</summary>
    public static IReadOnlyList<string> FieldValues(string html, string name) =>
        Parse(html).QuerySelectorAll("input").Where(e => e.GetAttribute("name") == name).Select(e => e.GetAttribute("value") ?? "").ToList();

    /// <summary>The elements matching a CSS selector.</summary>
    public static IReadOnlyList<IElement> All(string html, string selector) => Parse(html).QuerySelectorAll(selector).ToList();
}
