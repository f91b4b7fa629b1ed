using System.Globalization;

namespace GvcMatch.Web.Features.Localization;

/// <summary>
/// Dates, numbers and money as the reader's language writes them, in the reader's time zone:
/// pages never print ISO strings. Deadlines name their zone, because there the hour matters.
/// </summary>
public sealed class CultureFormat(UserPreferences preferences)
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>The culture's long date without the weekday: 25 February 2027, 25 de febrero de 2027, 2027年2月25日.</summary>
    public string Date(DateOnly date) => date.ToString(DatePattern, Culture);

    public string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(Local(instant).DateTime));

    public string? Date(DateOnly? date) => date is { } d ? Date(d) : null;

    public string? Date(DateTimeOffset? instant) => instant is { } i ? Date(i) : null;

    /// <summary>Date and time in the reader's zone.</summary>
    public string DateTime(DateTimeOffset instant) =>
        Local(instant).ToString(DatePattern + " " + Culture.DateTimeFormat.ShortTimePattern, Culture);

    /// <summary>A deadline: the end of that UTC day (deadlines are judged on UTC days), in the reader's zone, zone named.</summary>
    public string Deadline(DateOnly day) => Deadline(new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero));

    public string Deadline(DateTimeOffset instant) => $"{DateTime(instant)} ({ZoneName})";

    public string Number(decimal value, int decimals = 0) => value.ToString("N" + decimals, Culture);

    public string Number(long value) => value.ToString("N0", Culture);

    public string Number(double value, int decimals = 0) => value.ToString("N" + decimals, Culture);

    /// <summary>An amount with its ISO 4217 code where the culture puts its currency sign: EUR 1,250.00 / 1.250,00 EUR.</summary>
    public string Money(decimal amount, string currency)
    {
        var format = (NumberFormatInfo)Culture.NumberFormat.Clone();
        format.CurrencySymbol = currency;
        return amount.ToString("C", format);
    }

    /// <summary>The zone dates are shown in, by its IANA name (UTC when the reader chose none).</summary>
    public string ZoneName => preferences.TimeZone.Id is "Etc/UTC" or "UTC" ? "UTC" : preferences.TimeZone.Id;

    private DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, preferences.TimeZone);

    private static string DatePattern =>
        Culture.DateTimeFormat.LongDatePattern.Replace("dddd, ", "").Replace("dddd", "").Trim(' ', ',');
}
