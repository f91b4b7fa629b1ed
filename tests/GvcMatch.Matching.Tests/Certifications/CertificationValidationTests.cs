using GvcMatch.Matching.Certifications;

namespace GvcMatch.Matching.Tests.Certifications;

public sealed class CertificationValidationTests
{
    private sealed class Codes : ICriteriaCodes
    {
        public bool IsCountry(string code) => code is "DE" or "JP";
        public bool IsCertificationStandard(string code) => true;
    }

    private static Dictionary<string, string[]> Errors(Criterion c) =>
        CriteriaValidator.Validate([c with { Kind = CriterionKind.CertificationHeld, Mandatory = true }], new Codes());

    [Fact]
    public void AnUnknownStandardIsAccepted() => Assert.Empty(Errors(new Criterion { Standard = "Acme Supplier Excellence Award" }));

    [Fact]
    public void AScopeAKnownStandardIsNotIssuedForIsRefusedByField()
    {
        var errors = Errors(new Criterion { Standard = "NADCAP", Scope = "Underwater Basket Weaving" });
        Assert.Contains("not issued for 'Underwater Basket Weaving'", Assert.Single(errors["criteria[0].scope"]));
    }

    [Fact]
    public void AClassOutsideTheScaleCannotHold()
    {
        var errors = Errors(new Criterion { Standard = "ISO 14644", Scope = "10" });
        Assert.Equal("ISO 14644 class '10' cannot hold: ISO 14644 runs from class 1 (strictest) to 9.", Assert.Single(errors["criteria[0].scope"]));
        Assert.Contains("criteria[0].scope", Errors(new Criterion { Standard = "IPC-A-610", Scope = "class 4" }).Keys);
    }

    [Fact]
    public void AScopeOnAStandardWithoutScopesIsRefused() =>
        Assert.Contains("criteria[0].scope", Errors(new Criterion { Standard = "ISO 9001", Scope = "class 2" }).Keys);

    [Fact]
    public void ANameThatCarriesOneScopeCannotAskForAnother() =>
        Assert.Contains("criteria[0].scope", Errors(new Criterion { Standard = "FSC CoC", Scope = "forest management" }).Keys);

    [Fact]
    public void AnEquivalentsListOfMoreThanTwentyIsRefused()
    {
        var fifty = Enumerable.Range(1, 50).Select(i => new AcceptedStandard($"Standard {i}")).ToList();
        var errors = Errors(new Criterion { AnyOf = fifty });
        Assert.Equal("At most 20 equivalent standards; this lists 50.", Assert.Single(errors["criteria[0].anyOf"]));
        Assert.Empty(Errors(new Criterion { AnyOf = fifty.Take(20).ToList() }));
    }

    [Fact]
    public void EachEquivalentIsCheckedUnderItsOwnIndex()
    {
        var errors = Errors(new Criterion { AnyOf = [new("FSSC 22000"), new("ISO 14644", "12")] });
        Assert.Contains("criteria[0].anyOf[1].scope", errors.Keys);
    }

    [Fact]
    public void OneStandardAndAListTogetherAreRefused() =>
        Assert.Contains("criteria[0].standard", Errors(new Criterion { Standard = "ISO 9001", AnyOf = [new("ISO 14001")] }).Keys);

    [Fact]
    public void AnUndefinedEvidenceLevelIsRefused() =>
        Assert.Contains("criteria[0].minimumEvidence", Errors(new Criterion { Standard = "ISO 9001", MinimumEvidence = (EvidenceLevel)9 }).Keys);
}
