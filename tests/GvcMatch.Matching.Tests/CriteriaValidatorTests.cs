using GvcMatch.Matching;

namespace GvcMatch.Matching.Tests;

public sealed class CriteriaValidatorTests
{
    private sealed class Codes : ICriteriaCodes
    {
        public bool IsCountry(string code) => code is "JP" or "DE" or "MX";
        public bool IsCertificationStandard(string code) => code is "ISO 9001" or "IATF 16949";
    }

    private static Criterion Fit(int weight) => new() { Kind = CriterionKind.CapabilityFit, Weight = weight, Keywords = ["CNC machining"] };

    [Fact]
    public void WeightsSummingToOneHundredAreAccepted()
    {
        var errors = CriteriaValidator.Validate(
            [Fit(60), new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 40, Days = 30 },
             new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" }],
            new Codes());
        Assert.Empty(errors);
    }

    [Fact]
    public void WeightsNotSummingToOneHundredAreRefusedOnTheList()
    {
        var errors = CriteriaValidator.Validate([Fit(60), new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 30, Days = 30 }], new Codes());
        Assert.Contains("sum to 90", Assert.Single(errors["criteria"]));
    }

    [Fact]
    public void AMandatoryCriterionWithAWeightIsRefused()
    {
        var errors = CriteriaValidator.Validate(
            [Fit(100), new Criterion { Kind = CriterionKind.VerifiedSupplier, Mandatory = true, Weight = 10 }], new Codes());
        Assert.True(errors.ContainsKey("criteria[1].weight"));
    }

    [Fact]
    public void UnknownCodesAreNamedByTheirPath()
    {
        var errors = CriteriaValidator.Validate(
            [Fit(100),
             new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 14644", Scope = "99" },
             new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["JP", "XX"] }],
            new Codes());
        Assert.Contains("'99'", errors["criteria[1].scope"][0]);
        Assert.Contains("'XX'", errors["criteria[2].countries"][0]);
    }

    [Fact]
    public void AnEmptyListOfCriteriaIsRefused()
    {
        Assert.True(CriteriaValidator.Validate([], new Codes()).ContainsKey("criteria"));
    }

    [Theory]
    [InlineData(CriterionKind.CapacityAtLeast, "criteria[0].minimum")]
    [InlineData(CriterionKind.LeadTimeAtMost, "criteria[0].days")]
    [InlineData(CriterionKind.CompanySize, "criteria[0].sizeBands")]
    [InlineData(CriterionKind.CapabilityFit, "criteria[0].keywords")]
    public void EachKindRequiresItsParameters(CriterionKind kind, string field)
    {
        var errors = CriteriaValidator.Validate([new Criterion { Kind = kind, Mandatory = true }], new Codes());
        Assert.True(errors.ContainsKey(field), string.Join("; ", errors.Keys));
    }
}
