using GvcMatch.Matching;

namespace GvcMatch.Matching.Tests;

public sealed class ScorerTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static SupplierFacts Supplier(Func<SupplierFacts, SupplierFacts>? change = null)
    {
        var s = new SupplierFacts
        {
            OrganizationId = 7, Name = "Kawaguchi Precision", Country = "JP", SizeBand = "Small", Verified = true,
            Capabilities = ["CNC machining", "5-axis milling", "anodizing"], Materials = ["aluminium 6061"],
            Certifications = [new HeldCertificate("ISO 9001", new DateOnly(2027, 3, 31)), new HeldCertificate("ISO 13485", new DateOnly(2025, 1, 31))],
            MonthlyCapacity = 20000, CapacityUnit = "pieces", LeadTimeDays = 30, ExportMarkets = ["DE", "US"],
        };
        return change is null ? s : change(s);
    }

    [Fact]
    public void AnExpiredCertificateIsNotHeld()
    {
        var result = Scorer.Score([new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 13485" }], Supplier(), Today);
        Assert.False(result.Qualified);
        Assert.Equal("ISO 13485 expired on 2025-01-31", result.Criteria[0].Evidence);
    }

    [Fact]
    public void AValidCertificateIsCitedWithItsExpiry()
    {
        var result = Scorer.Score([new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" }], Supplier(), Today);
        Assert.True(result.Qualified);
        Assert.Equal("holds ISO 9001 (self-declared, valid until 2027-03-31)", result.Criteria[0].Evidence);
    }

    [Fact]
    public void TheTotalIsTheWeightedSumOfSubScores()
    {
        Criterion[] criteria =
        [
            new() { Kind = CriterionKind.CapabilityFit, Weight = 50, Keywords = ["CNC machining", "laser cutting"] },
            new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 30, Days = 20 },
            new() { Kind = CriterionKind.LocationIn, Weight = 20, Countries = ["JP", "KR"] },
        ];
        var result = Scorer.Score(criteria, Supplier(), Today);

        Assert.Equal(0.5, result.Criteria[0].Score);
        Assert.Equal(0.5, result.Criteria[1].Score); // 30 days against 20 allowed: half the allowance late
        Assert.Equal(1, result.Criteria[2].Score);
        Assert.Equal(25 + 15 + 20, result.Total);
        Assert.Equal(result.Total, result.Criteria.Sum(c => c.Points));
    }

    [Fact]
    public void CapabilityKeywordsMatchAcrossSpellingsAndEndings()
    {
        var result = Scorer.Score(
            [new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 100, Keywords = ["anodising", "machined aluminium"] }], Supplier(), Today);
        Assert.Equal(1, result.Criteria[0].Score, 3);
        Assert.Contains("offers anodising", result.Criteria[0].Evidence);
    }

    [Fact]
    public void CaseAndPunctuationDoNotHideAPhrase()
    {
        var supplier = Supplier(s => s with { Capabilities = ["5-Axis MILLING/turning"], Summary = "Zürich-based, ANODIZING on site." });
        var result = Scorer.Score(
            [new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 100, Keywords = ["5 axis milling", "Turning", "anodising", "zurich", "laser welding"] }],
            supplier, Today);
        Assert.Equal("offers 5 axis milling, Turning, anodising, zurich; missing laser welding", result.Criteria[0].Evidence);
        Assert.Equal(0.8, result.Criteria[0].Score);
    }

    [Fact]
    public void OnePreparedRequirementScoresEverySupplierAsScoringEachAlone()
    {
        Criterion[] criteria =
        [
            new() { Kind = CriterionKind.CapabilityFit, Weight = 60, Keywords = ["CNC machining", "laser cutting"] },
            new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 40, Days = 20 },
            new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" },
        ];
        SupplierFacts[] suppliers =
        [
            Supplier(),
            Supplier(s => s with { Capabilities = ["laser cutting"], LeadTimeDays = 10 }),
            Supplier(s => s with { Certifications = [] }),
        ];
        var prepared = Scorer.For(criteria);
        foreach (var supplier in suppliers)
        {
            var alone = Scorer.Score(criteria, supplier, Today);
            var again = prepared.Score(supplier, Today);
            Assert.Equal(alone.Total, again.Total);
            Assert.Equal(alone.Qualified, again.Qualified);
            Assert.Equal(alone.Criteria, again.Criteria);
        }
        Assert.NotEqual(prepared.Score(suppliers[0], Today).Total, prepared.Score(suppliers[1], Today).Total);
    }

    [Fact]
    public void JapaneseCapabilityTextMatchesWithoutSpaces()
    {
        var supplier = Supplier(s => s with { Summary = "精密切削加工とアルマイト処理を行う町工場です。" });
        var result = Scorer.Score([new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 100, Keywords = ["切削加工"] }], supplier, Today);
        Assert.Equal(1, result.Criteria[0].Score);
    }

    [Fact]
    public void CapacityInAnotherUnitDoesNotCount()
    {
        var result = Scorer.Score([new Criterion { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = 10, Unit = "tonnes" }], Supplier(), Today);
        Assert.False(result.Qualified);
        Assert.Contains("stated in pieces", result.Criteria[0].Evidence);
    }

    [Fact]
    public void PartialCapacityScoresItsShare()
    {
        var result = Scorer.Score([new Criterion { Kind = CriterionKind.CapacityAtLeast, Weight = 100, Minimum = 40000, Unit = "pcs" }], Supplier(), Today);
        Assert.Equal(0.5, result.Criteria[0].Score);
        Assert.False(result.Criteria[0].Met);
    }

    [Fact]
    public void TheHeadlineNamesWhatIsMissing()
    {
        Criterion[] criteria =
        [
            new() { Kind = CriterionKind.VerifiedSupplier, Mandatory = true },
            new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 13485" },
            new() { Kind = CriterionKind.ExportExperience, Weight = 100, Countries = ["DE"] },
        ];
        var result = Scorer.Score(criteria, Supplier(), Today);
        Assert.Equal("Meets 2 of 3 criteria; missing: Holds a valid ISO 13485 certificate", result.Headline());
    }

    [Fact]
    public void WithOnlyMandatoryCriteriaAQualifiedSupplierScoresOneHundred()
    {
        var result = Scorer.Score([new Criterion { Kind = CriterionKind.VerifiedSupplier, Mandatory = true }], Supplier(), Today);
        Assert.Equal(100, result.Total);
        Assert.Equal(0, Scorer.Score([new Criterion { Kind = CriterionKind.VerifiedSupplier, Mandatory = true }], Supplier(s => s with { Verified = false }), Today).Total);
    }
}

public sealed class DiversifierTests
{
    [Fact]
    public void OneCountryCannotTakeTheWholeFirstPage()
    {
        string[] ranked = ["JP1", "JP2", "JP3", "JP4", "DE1", "MX1", "JP5"];
        var page = Diversifier.Diversify(ranked, s => s[..2], pageSize: 4, maxPerGroup: 2);
        Assert.Equal(["JP1", "JP2", "DE1", "MX1", "JP3", "JP4", "JP5"], page);
    }

    [Fact]
    public void ThePageIsFilledInRankOrderWhenOtherGroupsRunOut()
    {
        string[] ranked = ["JP1", "JP2", "JP3", "DE1"];
        var page = Diversifier.Diversify(ranked, s => s[..2], pageSize: 4, maxPerGroup: 1);
        Assert.Equal(["JP1", "DE1", "JP2", "JP3"], page);
    }
}
