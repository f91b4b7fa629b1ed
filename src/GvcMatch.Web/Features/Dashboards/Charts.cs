using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace GvcMatch.Web.Features.Dashboards;

/// <summary>One value of a chart: its label (already in the reader's language), the number, how the number is written, and an optional link.</summary>
public sealed record ChartPoint(string Label, double Value, string Display, string? Href = null);

/// <summary>
/// What the chart partials draw: <c>_ColumnChart</c> (values over time), <c>_BarChart</c>
/// (horizontal bars, e.g. scores) and <c>_StackedBar</c> (one bar split into parts, e.g. a pipeline).
/// Every text is already localised; every chart carries a table with the same numbers.
/// </summary>
/// <param name="Id">The figure's element id, unique on the page.</param>
/// <param name="Max">The top of the scale; the largest value when null (e.g. 100 for scores, 1 for rates).</param>
public sealed record Chart(string Id, string Title, string Caption, string LabelHeader, string ValueHeader, IReadOnlyList<ChartPoint> Points, double? Max = null)
{
    /// <summary>The scale's top: never zero, so an empty chart draws flat bars instead of dividing by zero.</summary>
    public double Top => Max ?? Math.Max(1, Points.Count == 0 ? 1 : Points.Max(p => p.Value));

    /// <summary>A value's share of the scale, 0 to 1.</summary>
    public double Share(double value) => Math.Clamp(value / Top, 0, 1);

    /// <summary>A number for an SVG attribute: invariant culture, whatever the page's language.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// An SVG <c>text</c> element, written here because Razor reserves <c>&lt;text&gt;</c> in code
    /// blocks for its own use; the content is HTML-encoded like any Razor output.
    /// </summary>
    public static IHtmlContent Text(string cssClass, double x, double y, string content, bool middle = false) =>
        new HtmlString($"<text class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\"{(middle ? " text-anchor=\"middle\"" : "")}>{Encoder.Encode(content)}</text>");

    // Every script as itself, like the pages' own output: Japanese labels stay readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
}

/// <summary>Axis labels in the reader's culture: short enough to sit under a bar at phone width.</summary>
public static class ChartLabels
{
    /// <summary>"Dec 7", "7 de dic.", "12月7日": the culture's month-day pattern with the month abbreviated.</summary>
    public static string Day(DateOnly day) =>
        day.ToString(CultureInfo.CurrentCulture.DateTimeFormat.MonthDayPattern.Replace("MMMM", "MMM"), CultureInfo.CurrentCulture);

    /// <summary>"Dec 2026", "dic. de 2026", "2026年12月".</summary>
    public static string Month(DateOnly month) =>
        month.ToString(CultureInfo.CurrentCulture.DateTimeFormat.YearMonthPattern.Replace("MMMM", "MMM"), CultureInfo.CurrentCulture);

    public static int Quarter(DateOnly start) => (start.Month - 1) / 3 + 1;

    /// <summary>A share written as a percentage in the culture ("50%", "50 %").</summary>
    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);
}
