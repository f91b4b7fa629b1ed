using GvcMatch.Matching;
using GvcMatch.Web.Features.Localization;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Features.GapPlans;

/// <summary>What closing a gap asks of the supplier, in the reader's language: the API and the page say the same.</summary>
public static class GapWords
{
    public static string Action(GapChange change, IStringLocalizer<SharedResource> l) => change.Kind switch
    {
        "certificate" => l["Obtain a valid {0} certificate", change.Standard ?? ""],
        "capacity" => l["Raise your capacity to {0} {1} {2}", CapacityMeasure.Number(change.Amount ?? 0), change.Unit ?? "",
            l[PeriodKey(change.Period ?? CapacityPeriod.Month)]],
        "lead-time" => l["Shorten your lead time to {0} days", change.Days ?? 0],
        "capabilities" => l["Offer and list: {0}", string.Join(", ", change.Values ?? [])],
        "export-markets" => change.Values is { Count: > 0 } markets
            ? l["Start exporting to {0}", string.Join(", ", markets)]
            : l["Start exporting to any market"],
        "verification" => l["Have your organisation verified by an intermediary"],
        "disclosure" => change.Amount is { } bound && change.Values is [var topic] && Enum.TryParse<GvcMatch.Matching.Disclosures.DisclosureTopic>(topic, out var t)
            ? l["Disclose: {0} ({1})", change.Standard ?? "", GvcMatch.Matching.Disclosures.DisclosureTopics.DescribeBound(t, bound)]
            : l["Disclose: {0}", change.Standard ?? ""],
        "location" => l["Depends on where you are based; not something a plan can change"],
        _ => l["Depends on your company's size; not something a plan can change"],
    };

    private static string PeriodKey(CapacityPeriod period) => period switch
    {
        CapacityPeriod.Year => "a year",
        CapacityPeriod.Once => "once",
        _ => "a month",
    };
}
