namespace GvcMatch.Matching.Tests.Places;

/// <summary>Company size by employee count: the band derived from the count, and the rule for a count the supplier never stated.</summary>
public sealed class CompanySizeTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static SupplierFacts Supplier(int? employees, string band = "Small") =>
        new() { OrganizationId = 1, Name = "S", Country = "DE", SizeBand = band, EmployeeCount = employees };

    private static (bool Met, string Evidence) Score(Criterion c, SupplierFacts s)
    {
        var line = Scorer.Score([c], s, Today).Criteria[0];
        return (line.Met, line.Evidence);
    }

    private static Criterion Range(int? min, int? max) => new() { Kind = CriterionKind.CompanySize, Mandatory = true, MinEmployees = min, MaxEmployees = max };

    [Theory]
    [InlineData(0, "Micro"), InlineData(9, "Micro"), InlineData(10, "Small"), InlineData(49, "Small")]
    [InlineData(50, "Medium"), InlineData(249, "Medium"), InlineData(250, "Large"), InlineData(80_000, "Large")]
    public void TheBandFollowsTheEuThresholds(int employees, string band) => Assert.Equal(band, CompanySizes.BandOf(employees));

    [Theory]
    [InlineData(50, null, 50, true), InlineData(50, null, 49, false), InlineData(null, 249, 249, true), InlineData(null, 249, 250, false)]
    [InlineData(20, 100, 60, true), InlineData(20, 100, 19, false), InlineData(20, 100, 101, false)]
    public void AKnownCountIsMetExactlyInsideTheRange(int? min, int? max, int employees, bool met)
    {
        var (isMet, evidence) = Score(Range(min, max), Supplier(employees));
        Assert.Equal(met, isMet);
        Assert.StartsWith($"{employees:#,0} employees", evidence);
    }

    [Fact]
    public void AnUnknownCountWhoseWholeBandLiesInTheRangeIsMet()
    {
        var (met, evidence) = Score(Range(50, null), Supplier(null, "Medium"));
        Assert.True(met);
        Assert.Equal("size band Medium (50–249 employees), employee count not stated", evidence);
        Assert.True(Score(Range(10, 300), Supplier(null, "Small")).Met);
        Assert.True(Score(Range(250, null), Supplier(null, "Large")).Met);
    }

    [Fact]
    public void AnUnknownCountWhoseBandOnlyPartlyLiesInTheRangeIsNotMet()
    {
        // A Small supplier may have 12 or 45 employees: "at least 20" cannot be told, so it is not met.
        var (met, evidence) = Score(Range(20, null), Supplier(null, "Small"));
        Assert.False(met);
        Assert.Equal("size band Small (10–49 employees) is not wholly within the 20 or more employees sought; employee count not stated", evidence);
        Assert.False(Score(Range(null, 1000), Supplier(null, "Large")).Met);
        Assert.False(Score(Range(50, null), Supplier(null, "Micro")).Met);
    }

    [Fact]
    public void ABandCriterionReadsTheBandDerivedFromAKnownCount()
    {
        var medium = new Criterion { Kind = CriterionKind.CompanySize, Mandatory = true, SizeBands = ["Medium"] };
        // The stored band says Small, but 120 employees is Medium: the count decides.
        Assert.True(Score(medium, Supplier(120, "Small")).Met);
        Assert.False(Score(medium, Supplier(30, "Medium")).Met);
        // Without a count the stored band still counts, as before counts were stored.
        Assert.True(Score(medium, Supplier(null, "Medium")).Met);
    }

    [Fact]
    public void TheSummarySaysTheRangeInWords()
    {
        Assert.Equal("Company size: 50 or more employees", Range(50, null).Summary());
        Assert.Equal("Company size: 10–249 employees", Range(10, 249).Summary());
        Assert.Equal("Company size: at most 1,000 employees", Range(null, 1000).Summary());
    }

    [Theory]
    [InlineData(-1, null, "criteria[0].minEmployees")]
    [InlineData(null, -5, "criteria[0].maxEmployees")]
    [InlineData(100, 50, "criteria[0].maxEmployees")]
    [InlineData(null, 10_000_001, "criteria[0].maxEmployees")]
    [InlineData(20_000_000, null, "criteria[0].minEmployees")]
    public void ABadRangeIsRefusedOnItsField(int? min, int? max, string field)
    {
        var errors = CriteriaValidator.Validate([Range(min, max)], new NoCodes());
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void BandsAndARangeTogetherOrNeitherAreRefused()
    {
        var both = Range(50, null) with { SizeBands = ["Medium"] };
        Assert.Equal(["criteria[0].sizeBands"], CriteriaValidator.Validate([both], new NoCodes()).Keys);
        Assert.Equal(["criteria[0].sizeBands"], CriteriaValidator.Validate([Range(null, null)], new NoCodes()).Keys);
        Assert.Empty(CriteriaValidator.Validate([Range(0, CompanySizes.MaxEmployees)], new NoCodes()));
    }

    private sealed class NoCodes : ICriteriaCodes
    {
        public bool IsCountry(string code) => code.Length == 2;
        public bool IsCertificationStandard(string code) => false;
    }
}
