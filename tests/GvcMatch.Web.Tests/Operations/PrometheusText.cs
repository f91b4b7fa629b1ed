using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Operations;

/// <summary>Reads sample values out of the Prometheus text format.</summary>
public static class PrometheusText
{
    /// <summary>The sum over every series of <paramref name="name"/> (any labels); null when it has none.</summary>
    public static double? Value(string text, string name)
    {
        var values = Regex.Matches(text, $@"^{Regex.Escape(name)}(?:\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline)
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return values.Count == 0 ? null : values.Sum();
    }

    public static async Task<string> ScrapeAsync(HttpClient admin)
    {
        var response = await admin.GetAsync("/metrics");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Scrapes until <paramref name="check"/> holds on the value (the exporter caches a scrape for a moment).</summary>
    public static async Task<double?> EventuallyAsync(HttpClient admin, string name, Func<double?, bool> check)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = Value(await ScrapeAsync(admin), name);
            if (check(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{name} stayed at {value?.ToString(CultureInfo.InvariantCulture) ?? "(absent)"}.");
            await Task.Delay(100);
        }
    }
}
