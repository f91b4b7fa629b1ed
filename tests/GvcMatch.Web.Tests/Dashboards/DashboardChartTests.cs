using System.Globalization;
using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Dashboards;

/// <summary>The dashboard's SVG charts: one bar per data point, the same numbers in the table behind each, in the reader's language.</summary>
[Collection(SharedApps.SqliteA)]
public sealed class DashboardChartTests(SqliteApp app)
{
    [Fact]
    public async Task EveryChartHasOneBarPerDataPointAndTheSameNumbersInItsTable()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile());
        await sme.PublishProfileAsync();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.StatusAsync(await buyer.Client.GetAsync($"/Suppliers/{sme.Me.OrgId}"), HttpStatusCode.OK);
        await app.FlushCountersAsync();

        var page = Html.Parse(await sme.Client.GetStringAsync("/Account/Dashboard"));
        var charts = page.QuerySelectorAll("#supplier-charts figure.chart").ToList();
        Assert.Equal(["chart-appearances", "chart-profile-views", "chart-win-rate"], charts.Select(c => c.Id).Take(3));
        foreach (var chart in charts)
        {
            var svg = chart.QuerySelector("svg[role=img]")!;
            Assert.False(string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label")));
            Assert.Equal(svg.GetAttribute("aria-label"), svg.QuerySelector("title")!.TextContent);
            var bars = svg.QuerySelectorAll("rect.chart-bar").ToList();
            var rows = chart.QuerySelectorAll("table tbody tr").ToList();
            Assert.Equal(rows.Count, bars.Count);
            // Counts are written as whole numbers; rates and scores are written rounded, so only counts compare digit for digit.
            if (chart.Id is not ("chart-appearances" or "chart-profile-views")) continue;
            Assert.Equal(bars.Select(b => b.GetAttribute("data-value")), rows.Select(r => r.QuerySelector(".chart-value")!.TextContent.Trim()));
        }
        var views = page.QuerySelector("#chart-profile-views")!;
        Assert.Equal(12, views.QuerySelectorAll("rect.chart-bar").Length);
        Assert.Equal("1", views.QuerySelectorAll("rect.chart-bar").Last().GetAttribute("data-value"));
    }

    [Fact]
    public async Task ChartsSpeakTheReadersLanguageWithDatesInItsFormat()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Dashboard");
        request.Headers.AcceptLanguage.ParseAdd("es");
        var response = await sme.Client.SendAsync(request);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        var views = page.QuerySelector("#chart-profile-views")!;
        Assert.Equal("Visitas al perfil por semana", views.QuerySelector("svg title")!.TextContent);
        Assert.Equal("Tabla de datos", views.QuerySelector("summary")!.TextContent.Trim());
        // The last week starts on this week's Monday, written the Spanish way ("7 de dic.").
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var spanish = CultureInfo.GetCultureInfo("es");
        var expected = monday.ToString(spanish.DateTimeFormat.MonthDayPattern.Replace("MMMM", "MMM"), spanish);
        Assert.Equal(expected, views.QuerySelectorAll("tbody tr th").Last().TextContent.Trim());
        Assert.Contains(" de ", expected);
    }
}
