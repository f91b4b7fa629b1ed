using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Disclosures;

namespace GvcMatch.Matching.Tests.Disclosures;

/// <summary>The disclosure criterion in the scorer and the validator: topic, evidence, age of the year and bounds on the figure.</summary>
public sealed class DisclosureCriterionTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static SupplierFacts Supplier(params DisclosedFact[] disclosures) =>
        new() { OrganizationId = 1, Name = "S", Country = "DE", Disclosures = disclosures };

    private static Criterion Disclosed(DisclosureTopic topic, EvidenceLevel? evidence = null, decimal? minimum = null, decimal? maximum = null) =>
        new() { Kind = CriterionKind.DisclosureProvided, Mandatory = true, Topic = topic, MinimumEvidence = evidence, Minimum = minimum, Maximum = maximum };

    private static CriterionScore Score(Criterion c, SupplierFacts s) => Scorer.Score([c], s, Today).Criteria[0];

    [Fact]
    public void TheExplanationNamesTheTopicTheYearAndTheEvidence()
    {
        var supplier = Supplier(new DisclosedFact(DisclosureTopic.CarbonFootprint, 2025, EvidenceLevel.SelfDeclared, DocumentAttached: true, Measure: 420));
        var scored = Score(Disclosed(DisclosureTopic.CarbonFootprint), supplier);
        Assert.True(scored.Met);
        Assert.Equal("Carbon footprint disclosed for 2025 (document attached)", scored.Evidence);
        Assert.Equal("Carbon footprint disclosed", Disclosed(DisclosureTopic.CarbonFootprint).Summary());
    }

    [Fact]
    public void ANewerYearCountsAndTheOlderOneDoesNotHideIt()
    {
        var supplier = Supplier(
            new DisclosedFact(DisclosureTopic.Energy, 2024, EvidenceLevel.SelfDeclared, Measure: 80),
            new DisclosedFact(DisclosureTopic.Energy, 2025, EvidenceLevel.SelfDeclared, Measure: 30));
        var scored = Score(Disclosed(DisclosureTopic.Energy, minimum: 50), supplier);
        Assert.False(scored.Met);
        Assert.Equal("Energy use disclosed for 2025 (self-declared); renewable share 30 %, where renewable share of at least 50 % is asked", scored.Evidence);
        Assert.True(Score(Disclosed(DisclosureTopic.Energy, minimum: 30), supplier).Met);
    }

    [Fact]
    public void TheMinimumEvidenceLevelPicksTheLatestDisclosureCheckedThatFar()
    {
        var supplier = Supplier(
            new DisclosedFact(DisclosureTopic.Water, 2024, EvidenceLevel.VerifiedByIntermediary, Measure: 900),
            new DisclosedFact(DisclosureTopic.Water, 2025, EvidenceLevel.SelfDeclared, Measure: 1500));
        var verified = Score(Disclosed(DisclosureTopic.Water, EvidenceLevel.VerifiedByIntermediary, maximum: 1000), supplier);
        Assert.True(verified.Met);
        Assert.Equal("Water use disclosed for 2024 (verified by an intermediary); 900 m³ of water", verified.Evidence);
        Assert.False(Score(Disclosed(DisclosureTopic.Water, maximum: 1000), supplier).Met);
        var issuer = Score(Disclosed(DisclosureTopic.Water, EvidenceLevel.VerifiedByIssuer), supplier);
        Assert.False(issuer.Met);
        Assert.Equal("Water use disclosed for 2025 (self-declared); verified by the issuer sought", issuer.Evidence);
    }

    [Fact]
    public void ADisclosureOlderThanThreeYearsNoLongerCounts()
    {
        var old = Supplier(new DisclosedFact(DisclosureTopic.ConflictMinerals, Today.Year - 4, EvidenceLevel.SelfDeclared));
        var scored = Score(Disclosed(DisclosureTopic.ConflictMinerals), old);
        Assert.False(scored.Met);
        Assert.Equal("Conflict minerals report last disclosed for 2022, more than 3 years ago", scored.Evidence);
        Assert.True(Score(Disclosed(DisclosureTopic.ConflictMinerals), Supplier(new DisclosedFact(DisclosureTopic.ConflictMinerals, Today.Year - 3, EvidenceLevel.SelfDeclared))).Met);
    }

    [Fact]
    public void NothingDisclosedIsSaidAndABoundWithoutAFigureFails()
    {
        Assert.Equal("Labour and human-rights policy not disclosed", Score(Disclosed(DisclosureTopic.LabourPolicy), Supplier()).Evidence);
        var audit = Supplier(new DisclosedFact(DisclosureTopic.Audit, 2025, EvidenceLevel.SelfDeclared));
        Assert.True(Score(Disclosed(DisclosureTopic.Audit), audit).Met);
        Assert.False(Score(Disclosed(DisclosureTopic.Audit, minimum: 45), audit).Met);
    }

    [Fact]
    public void AWeightedCriterionAddsItsWeightOnlyWhenMet()
    {
        var c = Disclosed(DisclosureTopic.CarbonFootprint, maximum: 500) with { Mandatory = false, Weight = 100 };
        Assert.Equal(100, Scorer.Score([c], Supplier(new DisclosedFact(DisclosureTopic.CarbonFootprint, 2025, EvidenceLevel.SelfDeclared, Measure: 500)), Today).Total);
        Assert.Equal(0, Scorer.Score([c], Supplier(new DisclosedFact(DisclosureTopic.CarbonFootprint, 2025, EvidenceLevel.SelfDeclared, Measure: 501)), Today).Total);
    }

    [Theory]
    [InlineData(null, null, null, "criteria[0].topic")]
    [InlineData(DisclosureTopic.Energy, 120, null, "criteria[0].minimum")]
    [InlineData(DisclosureTopic.Energy, -1, null, "criteria[0].minimum")]
    [InlineData(DisclosureTopic.Energy, null, 50, "criteria[0].maximum")]
    [InlineData(DisclosureTopic.CarbonFootprint, 10, null, "criteria[0].minimum")]
    [InlineData(DisclosureTopic.CarbonFootprint, null, -5, "criteria[0].maximum")]
    [InlineData(DisclosureTopic.LabourPolicy, 1, null, "criteria[0].minimum")]
    public void BadParametersAreNamedByField(DisclosureTopic? topic, int? minimum, int? maximum, string field)
    {
        var c = new Criterion { Kind = CriterionKind.DisclosureProvided, Mandatory = true, Topic = topic, Minimum = minimum, Maximum = maximum };
        Assert.Contains(field, CriteriaValidator.Validate([c], new Codes()).Keys);
    }

    [Fact]
    public void AGoodCriterionValidatesAndAppliesToEveryMember()
    {
        var c = Disclosed(DisclosureTopic.Energy, EvidenceLevel.DocumentChecked, minimum: 40);
        Assert.Empty(CriteriaValidator.Validate([c], new Codes()));
        Assert.Equal(CriterionScope.EveryMember, c.AppliedScope());
        Assert.Equal("Energy use disclosed (document checked or stronger); renewable share of at least 40 %", c.Summary());
    }

    private sealed class Codes : ICriteriaCodes
    {
        public bool IsCountry(string code) => code.Length == 2;
        public bool IsCertificationStandard(string code) => true;
    }
}
