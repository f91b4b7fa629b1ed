using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Features.Awards;

/// <summary>
/// The rates outcome statistics convert contract values with, bound from "Awards:ExchangeRates" and
/// validated at start-up. An admin updates them in configuration with the date they were taken;
/// an amount in a currency without a rate is shown apart, never converted by guess.
/// </summary>
public sealed class ExchangeRatesOptions : IValidatableObject
{
    public const string Section = "Awards:ExchangeRates";

    /// <summary>The one currency the statistics sum contract values in.</summary>
    [Required, RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "EUR";

    /// <summary>The day the rates were taken (required with any rate): the page and the API name it.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>What one unit of each currency is worth in <see cref="Currency"/> ("USD": 0.92 with EUR).</summary>
    public Dictionary<string, decimal> Rates { get; set; } = [];

    /// <summary>The rate of a currency into <see cref="Currency"/>: 1 for itself, null without one.</summary>
    public decimal? RateOf(string currency)
    {
        if (string.Equals(currency, Currency, StringComparison.OrdinalIgnoreCase)) return 1;
        foreach (var (code, rate) in Rates)
            if (string.Equals(code, currency, StringComparison.OrdinalIgnoreCase)) return rate;
        return null;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Rates.Count > 0 && Date is null) yield return new("Give the date the exchange rates were taken (Awards:ExchangeRates:Date).", [nameof(Date)]);
        foreach (var (code, rate) in Rates)
        {
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)) yield return new($"\"{code}\" is not a currency code (three capital letters).", [nameof(Rates)]);
            if (rate <= 0) yield return new($"The rate of {code} must be positive.", [nameof(Rates)]);
        }
    }
}
