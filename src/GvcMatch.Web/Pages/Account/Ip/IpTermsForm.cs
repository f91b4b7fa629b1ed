using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Pages.Shared;

namespace GvcMatch.Web.Pages.Account.Ip;

/// <summary>
/// The term sheet and what the SME seeks, as the listing editor posts them: lists typed comma
/// separated, and three milestone rows of which the blank ones are dropped.
/// </summary>
public sealed class IpTermsForm
{
    public const int MilestoneRows = 3;

    public DealKind? Kind { get; set; }
    public string? FieldOfUse { get; set; }
    public string? Territory { get; set; }
    public int? TermYears { get; set; }
    public bool SublicensingAllowed { get; set; }
    public ImprovementsOwner? Improvements { get; set; }
    public decimal? RoyaltyPercent { get; set; }
    public decimal? LumpSum { get; set; }
    public string? Currency { get; set; }
    public List<string?> MilestoneLabels { get; set; } = [];
    public List<decimal?> MilestoneAmounts { get; set; } = [];
    public List<string?> MilestoneCurrencies { get; set; } = [];

    public List<SoughtPartner> SeekPartners { get; set; } = [];
    public string? SeekTerritories { get; set; }
    public string? SeekNote { get; set; }

    public TermSheet? ToSheet()
    {
        if (Kind is not { } kind) return null;
        var milestones = new List<Milestone>();
        for (var i = 0; i < MilestoneLabels.Count || i < MilestoneAmounts.Count; i++)
        {
            var label = MilestoneLabels.ElementAtOrDefault(i);
            var amount = MilestoneAmounts.ElementAtOrDefault(i);
            if (string.IsNullOrWhiteSpace(label) && amount is null) continue;
            milestones.Add(new Milestone(label ?? "", amount ?? 0, MilestoneCurrencies.ElementAtOrDefault(i) ?? Currency ?? ""));
        }
        return new TermSheet
        {
            Kind = kind, FieldOfUse = FieldOfUse, Territory = FormHelpers.SplitList(Territory), TermYears = TermYears,
            SublicensingAllowed = SublicensingAllowed, Improvements = Improvements, RoyaltyPercent = RoyaltyPercent, LumpSum = LumpSum,
            Currency = string.IsNullOrWhiteSpace(Currency) ? null : Currency, Milestones = milestones,
        };
    }

    public IpSeeking? ToSeeking() =>
        SeekPartners.Count == 0 && string.IsNullOrWhiteSpace(SeekTerritories) && string.IsNullOrWhiteSpace(SeekNote)
            ? null
            : new IpSeeking { Partners = SeekPartners, Territories = FormHelpers.SplitList(SeekTerritories), Note = SeekNote };

    public static IpTermsForm From(TermSheet? t, IpSeeking? s) => new()
    {
        Kind = t?.Kind, FieldOfUse = t?.FieldOfUse, Territory = t is null ? null : FormHelpers.JoinComma(t.Territory), TermYears = t?.TermYears,
        SublicensingAllowed = t?.SublicensingAllowed ?? false, Improvements = t?.Improvements, RoyaltyPercent = t?.RoyaltyPercent,
        LumpSum = t?.LumpSum, Currency = t?.Currency,
        MilestoneLabels = t?.Milestones.Select(m => (string?)m.Label).ToList() ?? [],
        MilestoneAmounts = t?.Milestones.Select(m => (decimal?)m.Amount).ToList() ?? [],
        MilestoneCurrencies = t?.Milestones.Select(m => (string?)m.Currency).ToList() ?? [],
        SeekPartners = s?.Partners.ToList() ?? [], SeekTerritories = s is null ? null : FormHelpers.JoinComma(s.Territories), SeekNote = s?.Note,
    };
}
