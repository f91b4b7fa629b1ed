using GvcMatch.Matching.Certifications;

namespace GvcMatch.Matching.Tests.Certifications;

/// <summary>
/// The index filter and the scorer agree: for valid certificates, a supplier passes a criterion's
/// token filter exactly when the scorer says it meets the criterion.
/// </summary>
public sealed class CertificationTokenTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    public static TheoryData<string> CaseNames() => [.. CertificationCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TheTokenFilterAndTheScorerAgree(string name)
    {
        var @case = CertificationCases.All.Single(c => c.Name == name);
        var held = @case.Held.SelectMany(h => CertificationTokens.ForHeld(h)).ToHashSet();
        var sought = CertificationRequirement.From(@case.Criterion).FilterTokens();
        var scored = Scorer.Score([@case.Criterion], new SupplierFacts { OrganizationId = 1, Name = "S", Country = "DE", Certifications = @case.Held }, Today);
        Assert.Equal(@case.Met, scored.Criteria[0].Met);
        Assert.Equal(@case.Met, sought.Any(held.Contains));
    }
}
