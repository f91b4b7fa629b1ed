using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Awards;

/// <summary>Contract values awarded in one currency, and the part won by SMEs.</summary>
public sealed record CurrencyShareDto(string Currency, decimal Awarded, decimal ToSmes, double SmeShare);

/// <summary>
/// Contract values converted into the reporting currency at the rates of <paramref name="RatesDate"/>;
/// <paramref name="WithoutRate"/> lists the currencies that have no rate, with their own amounts, left out of the sum.
/// </summary>
public sealed record ConvertedValueDto(string Currency, DateOnly? RatesDate, decimal Awarded, decimal ToSmes, double SmeShare, IReadOnlyList<CurrencyShareDto> WithoutRate);

/// <param name="ValueByCurrency">Contract values (unit price × quantity) per currency, never added across currencies.</param>
/// <param name="ContractValue">The same values in the reporting currency.</param>
/// <param name="AwardsWithoutValue">Awards whose bid named no price or whose requirement (or lot) states no quantity: in no value figure.</param>
public sealed record BuyerOutcomeDto(
    int BuyerOrganizationId, string Buyer, int RequirementsDecided, int RequirementsCancelled, int Awards, int AwardsToSmes,
    double SmeShareByCount, IReadOnlyList<CurrencyShareDto> ValueByCurrency, double? MedianDaysToDecision,
    ConvertedValueDto ContractValue, int AwardsWithoutValue);

/// <summary>How contract values are worked out, as the page and the API say it.</summary>
/// <param name="Quantity">Which quantity multiplies the unit price.</param>
public sealed record ContractValueBasisDto(string Currency, DateOnly? RatesDate, string Quantity);

public sealed record OutcomeStatisticsDto(DateTimeOffset GeneratedAt, int? BuyerFilter, IReadOnlyList<BuyerOutcomeDto> Buyers, IReadOnlyList<EventOutcomeDto> Events,
    ContractValueBasisDto ValueBasis);

/// <summary>
/// Per buyer, from the outcome records: how many requirements it decided, what share of its awards
/// (by count, and by contract value) went to SMEs or all-SME consortia, and the median days from
/// publication to the decision (per requirement, its last decision). A contract value is the
/// winning bid's unit price × the quantity awarded: the lot's quantity for a lot award, the
/// requirement's for the whole requirement (per its period when it states one). Values are kept
/// per currency and converted into one currency with <see cref="ExchangeRatesOptions"/>; a currency
/// without a rate is listed apart. Beside them, what matchmaking events led to, from <see cref="EventOutcomes"/>.
/// </summary>
public static class OutcomeStatistics
{
    public const string QuantityRule = "Unit price × quantity: the lot's quantity for a lot award, the requirement's quantity for the whole requirement (per its period when it states one).";

    private sealed record Valued(OutcomeRecord Record, decimal? Value);

    public static async Task<OutcomeStatisticsDto> ComputeAsync(AppDbContext db, int? buyer, DateTimeOffset now, ExchangeRatesOptions rates, CancellationToken ct)
    {
        var records = await db.OutcomeRecords.AsNoTracking().Where(o => buyer == null || o.BuyerOrganizationId == buyer).ToListAsync(ct);
        var buyerIds = records.Select(o => o.BuyerOrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => buyerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var quantities = await QuantitiesAsync(db, records, ct);
        var rows = records.GroupBy(o => o.BuyerOrganizationId).Select(g =>
        {
            var awards = g.Where(o => !o.Cancelled).ToList();
            var toSmes = awards.Count(o => o.WinnerIsSme);
            var valued = awards.Select(o => new Valued(o, o.Value is { } price && o.Currency is not null
                && quantities.TryGetValue((o.RequirementId, o.LotNumber), out var quantity) ? Math.Round(price * quantity, 2) : null)).ToList();
            var values = valued.Where(v => v.Value is not null).GroupBy(v => v.Record.Currency!.ToUpperInvariant()).OrderBy(c => c.Key)
                .Select(c => Share(c.Key, c.Sum(v => v.Value!.Value), c.Where(v => v.Record.WinnerIsSme).Sum(v => v.Value!.Value))).ToList();
            var perRequirement = g.GroupBy(o => o.RequirementId).Select(r => r.Max(o => o.DaysToDecision)).ToList();
            return new BuyerOutcomeDto(g.Key, names.GetValueOrDefault(g.Key, "—"), perRequirement.Count,
                g.GroupBy(o => o.RequirementId).Count(r => r.Any(o => o.Cancelled)), awards.Count, toSmes,
                awards.Count == 0 ? 0 : Math.Round(toSmes / (double)awards.Count, 4), values, Median(perRequirement),
                Convert(values, rates), valued.Count(v => v.Value is null));
        }).OrderBy(b => b.Buyer, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.BuyerOrganizationId).ToList();
        return new OutcomeStatisticsDto(now, buyer, rows, await EventOutcomes.ComputeAsync(db, buyer, now, ct),
            new ContractValueBasisDto(rates.Currency, rates.Date, QuantityRule));
    }

    /// <summary>Each currency's totals at its rate, rounded to the cent once per currency; currencies without a rate kept apart.</summary>
    internal static ConvertedValueDto Convert(IReadOnlyList<CurrencyShareDto> values, ExchangeRatesOptions rates)
    {
        decimal awarded = 0, toSmes = 0;
        var withoutRate = new List<CurrencyShareDto>();
        foreach (var v in values)
        {
            if (rates.RateOf(v.Currency) is not { } rate)
            {
                withoutRate.Add(v);
                continue;
            }
            awarded += Math.Round(v.Awarded * rate, 2);
            toSmes += Math.Round(v.ToSmes * rate, 2);
        }
        var share = Share(rates.Currency, awarded, toSmes);
        return new ConvertedValueDto(rates.Currency, rates.Date, share.Awarded, share.ToSmes, share.SmeShare, withoutRate);
    }

    private static CurrencyShareDto Share(string currency, decimal total, decimal sme) =>
        new(currency, total, sme, total == 0 ? 0 : Math.Round((double)(sme / total), 4));

    /// <summary>The quantity each award covers, by requirement and lot (0 = the whole requirement); absent when none is stated.</summary>
    private static async Task<Dictionary<(int Requirement, int Lot), decimal>> QuantitiesAsync(AppDbContext db, List<OutcomeRecord> records, CancellationToken ct)
    {
        var ids = records.Where(o => !o.Cancelled).Select(o => o.RequirementId).Distinct().ToList();
        var requirements = await db.Requirements.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Quantity, r.Lots }).ToListAsync(ct);
        var result = new Dictionary<(int, int), decimal>();
        foreach (var r in requirements)
        {
            if (r.Quantity is { } whole) result[(r.Id, 0)] = whole;
            foreach (var lot in r.Lots.Where(l => l.Quantity is not null)) result[(r.Id, lot.Number)] = lot.Quantity!.Value;
        }
        return result;
    }

    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, 2);
    }
}
