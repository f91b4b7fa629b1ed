using GvcMatch.Matching;

namespace GvcMatch.Matching.Tests;

/// <summary>Capacity units and periods: converted within a kind of unit and between month and year, never across kinds.</summary>
public sealed class CapacityMeasureTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static SupplierFacts Supplier(decimal amount, string unit, CapacityPeriod period = CapacityPeriod.Month) => new()
    {
        OrganizationId = 1, Name = "S1", Country = "DE", MonthlyCapacity = amount, CapacityUnit = unit, CapacityPeriod = period,
    };

    private static CriterionScore Score(Criterion c, SupplierFacts s) => Scorer.Score([c], s, Today).Criteria[0];

    private static Criterion Capacity(decimal minimum, string unit, CapacityPeriod? period = null) =>
        new() { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = minimum, Unit = unit, Period = period };

    [Theory]
    [InlineData(1500, "kg", CapacityPeriod.Month, "t", CapacityPeriod.Month, 1.5)]
    [InlineData(12, "tonnes", CapacityPeriod.Year, "t", CapacityPeriod.Month, 1)]
    [InlineData(100, "pcs", CapacityPeriod.Month, "pieces", CapacityPeriod.Year, 1200)]
    [InlineData(2, "m³", CapacityPeriod.Month, "litres", CapacityPeriod.Month, 2000)]
    [InlineData(250, "m2", CapacityPeriod.Month, "sqm", CapacityPeriod.Month, 250)]
    [InlineData(3, "km", CapacityPeriod.Once, "m", CapacityPeriod.Once, 3000)]
    [InlineData(160, "hours", CapacityPeriod.Month, "h", CapacityPeriod.Year, 1920)]
    public void Amounts_convert_within_a_kind_of_unit_and_between_month_and_year(
        decimal amount, string from, CapacityPeriod fromPeriod, string to, CapacityPeriod toPeriod, decimal expected) =>
        Assert.Equal(expected, CapacityMeasure.Convert(amount, from, fromPeriod, to, toPeriod, out _));

    [Theory]
    [InlineData("pieces", CapacityPeriod.Month, "tonnes", CapacityPeriod.Month, "stated in pieces, which does not compare with tonnes")]
    [InlineData("kg", CapacityPeriod.Month, "m2", CapacityPeriod.Month, "stated in kg, which does not compare with m2")]
    [InlineData("kg", CapacityPeriod.Once, "kg", CapacityPeriod.Month, "stated as a one-off amount, which does not compare with a rate a month")]
    [InlineData("kg", CapacityPeriod.Year, "kg", CapacityPeriod.Once, "stated a year, which does not compare with a one-off amount")]
    public void Different_kinds_of_unit_and_one_off_amounts_against_rates_never_compare(
        string from, CapacityPeriod fromPeriod, string to, CapacityPeriod toPeriod, string why)
    {
        Assert.Null(CapacityMeasure.Convert(10, from, fromPeriod, to, toPeriod, out var reason));
        Assert.Equal(why, reason);
    }

    [Fact]
    public void The_scorer_meets_a_capacity_stated_in_another_unit_and_period_and_shows_the_conversion()
    {
        var line = Score(Capacity(20, "t"), Supplier(300_000, "kg", CapacityPeriod.Year));
        Assert.True(line.Met);
        Assert.Equal("300,000 kg a year = 25 t a month", line.Evidence);
    }

    [Fact]
    public void The_scorer_scores_a_share_after_conversion_and_says_when_units_do_not_compare()
    {
        var share = Score(Capacity(24, "t", CapacityPeriod.Year) with { Mandatory = false, Weight = 100 }, Supplier(1, "t"));
        Assert.Equal(0.5, share.Score);
        Assert.Equal("1 t a month = 12 t a year, 50 % of the 24 sought", share.Evidence);

        var pieces = Score(Capacity(10, "tonnes"), Supplier(20_000, "pieces"));
        Assert.False(pieces.Met);
        Assert.Equal("capacity 20,000 pieces a month is stated in pieces, which does not compare with tonnes", pieces.Evidence);
    }

    [Fact]
    public void The_index_stores_a_capacity_per_month_in_its_base_unit()
    {
        Assert.Equal((1000m, "kg per month"), CapacityMeasure.Normalise(12, "t", CapacityPeriod.Year));
        Assert.Equal((500m, "pieces once"), CapacityMeasure.Normalise(500, "pcs", CapacityPeriod.Once));
        Assert.Equal((7m, "pallet per month"), CapacityMeasure.Normalise(7, "pallets", CapacityPeriod.Month));
    }
}
