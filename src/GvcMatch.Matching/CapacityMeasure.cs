using System.Globalization;

namespace GvcMatch.Matching;

/// <summary>What a capacity figure counts over: a month, a year, or a one-off amount.</summary>
public enum CapacityPeriod
{
    /// <summary>Per month: what capacities meant before periods were recorded, and still the default.</summary>
    Month,
    Year,
    /// <summary>A one-off amount (a production run, a batch); compared only with other one-off amounts.</summary>
    Once,
}

/// <summary>
/// Capacity units and periods. A unit belongs to a kind (count, mass, length, area, volume, time)
/// and converts only within its kind; a year is twelve months; a one-off amount never converts to a
/// rate. A unit nobody listed is its own kind, compared by its folded spelling.
/// </summary>
public static class CapacityMeasure
{
    private static readonly Dictionary<string, (string Kind, string Base, decimal Factor)> Units = Build();

    /// <summary>The kind of unit, its base unit and how many base units one of it is; null for an empty unit.</summary>
    public static (string Kind, string Base, decimal Factor)? Of(string? unit)
    {
        var key = Fold(unit);
        if (key.Length == 0) return null;
        if (Units.TryGetValue(key, out var known)) return known;
        var own = key.TrimEnd('s');
        return (own, own, 1m);
    }

    /// <summary>The base unit a unit converts to ("t" and "kg" → "kg"; "pcs" → "pieces").</summary>
    public static string BaseUnit(string? unit) => Of(unit)?.Base ?? "";

    /// <summary>
    /// <paramref name="amount"/> stated in <paramref name="fromUnit"/> per <paramref name="fromPeriod"/>, expressed in
    /// <paramref name="toUnit"/> per <paramref name="toPeriod"/>; null with the reason when the two cannot be compared.
    /// </summary>
    public static decimal? Convert(decimal amount, string? fromUnit, CapacityPeriod fromPeriod, string? toUnit, CapacityPeriod toPeriod, out string? why)
    {
        why = null;
        var from = Of(fromUnit);
        var to = Of(toUnit);
        if (from is null || to is null || from.Value.Kind != to.Value.Kind)
        {
            why = Say.Format("stated in {0}, which does not compare with {1}", Shown(fromUnit), Shown(toUnit));
            return null;
        }
        if ((fromPeriod == CapacityPeriod.Once) != (toPeriod == CapacityPeriod.Once))
        {
            why = fromPeriod == CapacityPeriod.Once
                ? Say.Format("stated as a one-off amount, which does not compare with a rate {0}", PeriodWords(toPeriod))
                : Say.Format("stated {0}, which does not compare with a one-off amount", PeriodWords(fromPeriod));
            return null;
        }
        var inBase = amount * from.Value.Factor / to.Value.Factor;
        return (fromPeriod, toPeriod) switch
        {
            (CapacityPeriod.Year, CapacityPeriod.Month) => inBase / 12,
            (CapacityPeriod.Month, CapacityPeriod.Year) => inBase * 12,
            _ => inBase,
        };
    }

    /// <summary>The figure as the index stores it: per month (or once) in the kind's base unit, with its measure key.</summary>
    public static (decimal Amount, string Measure)? Normalise(decimal amount, string? unit, CapacityPeriod period)
    {
        if (Of(unit) is not { } u) return null;
        var perMonth = period == CapacityPeriod.Once ? CapacityPeriod.Once : CapacityPeriod.Month;
        var converted = Convert(amount, unit, period, u.Base, perMonth, out _)!.Value;
        return (converted, Key(u.Base, perMonth));
    }

    /// <summary>"kg per month", "pieces once": the keyword the index filters on.</summary>
    public static string Key(string baseUnit, CapacityPeriod period) =>
        period == CapacityPeriod.Once ? $"{baseUnit} once" : $"{baseUnit} per month";

    /// <summary>"a month", "a year", "once": how an amount's period reads in an explanation.</summary>
    public static string PeriodWords(CapacityPeriod period) => Say.Text(period switch
    {
        CapacityPeriod.Year => "a year",
        CapacityPeriod.Once => "once",
        _ => "a month",
    });

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Shown(string? unit) => string.IsNullOrWhiteSpace(unit) ? Say.Text("no unit") : unit.Trim();

    private static string Fold(string? unit) => (unit ?? "").Trim().ToLowerInvariant().Replace("²", "2").Replace("³", "3").Replace(".", "");

    private static Dictionary<string, (string, string, decimal)> Build()
    {
        var units = new Dictionary<string, (string, string, decimal)>(StringComparer.Ordinal);
        void Add(string kind, string unitBase, decimal factor, params string[] names)
        {
            foreach (var n in names) units[n] = (kind, unitBase, factor);
        }
        Add("count", "pieces", 1, "pieces", "piece", "pcs", "pc", "units", "unit", "items", "item", "parts", "part", "pairs", "sets");
        Add("mass", "kg", 1, "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos");
        Add("mass", "kg", 0.001m, "g", "gram", "grams");
        Add("mass", "kg", 1000, "t", "tonne", "tonnes", "ton", "tons", "metric ton", "metric tons");
        Add("mass", "kg", 0.45359237m, "lb", "lbs", "pound", "pounds");
        Add("length", "m", 1, "m", "metre", "metres", "meter", "meters", "linear metres", "linear meters");
        Add("length", "m", 1000, "km", "kilometre", "kilometres", "kilometer", "kilometers");
        Add("length", "m", 0.01m, "cm");
        Add("length", "m", 0.001m, "mm");
        Add("area", "m2", 1, "m2", "sqm", "sq m", "square metre", "square metres", "square meter", "square meters");
        Add("area", "m2", 0.0001m, "cm2");
        Add("volume", "litres", 1, "l", "litre", "litres", "liter", "liters", "ltr");
        Add("volume", "litres", 1000, "m3", "cubic metre", "cubic metres", "cubic meter", "cubic meters", "cbm");
        Add("volume", "litres", 0.001m, "ml", "millilitre", "millilitres");
        Add("time", "hours", 1, "h", "hr", "hrs", "hour", "hours", "man-hours", "machine hours");
        return units;
    }
}
