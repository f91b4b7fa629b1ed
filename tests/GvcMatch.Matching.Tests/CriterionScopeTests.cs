using GvcMatch.Matching;

namespace GvcMatch.Matching.Tests;

/// <summary>Scopes and roles on criteria: the documented defaults, and the refusals that name the field.</summary>
public sealed class CriterionScopeTests
{
    private sealed class Codes : ICriteriaCodes
    {
        public bool IsCountry(string code) => code is "DE";
        public bool IsCertificationStandard(string code) => code is "ISO 9001" or "ISO/IEC 27001";
    }

    private static readonly Criterion Software = new() { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = ["embedded software"], Role = "software partner" };

    private static Criterion Certificate(string? role = null, CriterionScope scope = CriterionScope.Default) =>
        new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO/IEC 27001", Role = role, AppliesTo = scope };

    [Theory]
    [InlineData(CriterionKind.CapabilityFit, CriterionScope.Consortium)]
    [InlineData(CriterionKind.CapacityAtLeast, CriterionScope.Consortium)]
    [InlineData(CriterionKind.CertificationHeld, CriterionScope.EveryMember)]
    [InlineData(CriterionKind.LocationIn, CriterionScope.EveryMember)]
    [InlineData(CriterionKind.VerifiedSupplier, CriterionScope.EveryMember)]
    [InlineData(CriterionKind.CompanySize, CriterionScope.EveryMember)]
    [InlineData(CriterionKind.LeadTimeAtMost, CriterionScope.Consortium)]
    [InlineData(CriterionKind.ExportExperience, CriterionScope.Consortium)]
    public void Each_kind_has_its_documented_default_scope(CriterionKind kind, CriterionScope expected) =>
        Assert.Equal(expected, new Criterion { Kind = kind }.AppliedScope());

    [Fact]
    public void A_certificate_that_names_a_role_applies_to_that_role()
    {
        Assert.Equal(CriterionScope.Role, Certificate("software partner").AppliedScope());
        Assert.Equal("software partner", Certificate("software partner").AppliedRole());
        // A capability criterion's role is the name of its piece of work, not a scope.
        Assert.Equal(CriterionScope.Consortium, Software.AppliedScope());
        Assert.Null(Software.AppliedRole());
    }

    [Fact]
    public void A_role_named_by_a_capability_criterion_or_one_of_its_keywords_is_accepted()
    {
        Assert.Empty(CriteriaValidator.Validate([Software, Certificate("Software Partner")], new Codes()));
        Assert.Empty(CriteriaValidator.Validate([Software, Certificate("embedded software")], new Codes()));
    }

    [Fact]
    public void A_role_that_no_criterion_names_is_refused_on_the_role_field()
    {
        var errors = CriteriaValidator.Validate([Software, Certificate("machining partner")], new Codes());
        Assert.Contains("No capability criterion names the role 'machining partner'", Assert.Single(errors["criteria[1].role"]));
        Assert.Contains("Roles named: embedded software, software partner", errors["criteria[1].role"][0]);
    }

    [Fact]
    public void A_role_scope_without_a_role_and_a_capability_applying_to_a_role_are_refused()
    {
        var errors = CriteriaValidator.Validate([Software with { AppliesTo = CriterionScope.Role }, Certificate(scope: CriterionScope.Role)], new Codes());
        Assert.Contains("criteria[0].appliesTo", errors.Keys);
        Assert.Contains("criteria[1].role", errors.Keys);
    }

    [Fact]
    public void An_unknown_scope_or_period_and_an_overlong_role_are_refused()
    {
        var capacity = new Criterion { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = 5, Unit = "t", Period = (CapacityPeriod)9 };
        var errors = CriteriaValidator.Validate(
            [Software, Certificate(scope: (CriterionScope)7), capacity, Certificate(new string('x', 101))], new Codes());
        Assert.Contains("criteria[1].appliesTo", errors.Keys);
        Assert.Contains("criteria[2].period", errors.Keys);
        Assert.Contains("criteria[3].role", errors.Keys);
    }
}
