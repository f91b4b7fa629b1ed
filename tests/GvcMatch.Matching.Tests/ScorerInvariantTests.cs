using GvcMatch.Matching;

using static GvcMatch.Matching.Tests.RandomCases;

namespace GvcMatch.Matching.Tests;

/// <summary>
/// Invariants of the scorer over many generated suppliers and criteria lists (a fixed seed, so a
/// failure repeats): sub-scores stay in [0, 1], the total is the sum of the points, a supplier
/// qualifies exactly when it meets every mandatory criterion, and certificate dates are honoured.
/// </summary>
public sealed class ScorerInvariantTests
{

    [Fact]
    public void GeneratedCasesKeepEveryInvariant()
    {
        var random = new Random(20261128);
        for (var n = 0; n < 2000; n++)
        {
            var criteria = Criteria(random);
            var supplier = Supplier(random, 1);
            var result = Scorer.Score(criteria, supplier, Today);

            Assert.Equal(criteria.Count, result.Criteria.Count);
            Assert.All(result.Criteria, c => Assert.InRange(c.Score, 0, 1));
            Assert.All(result.Criteria, c => Assert.Equal(Math.Round(c.Weight * c.Score, 2), c.Points));
            Assert.InRange(result.Total, 0, 100);
            if (result.Criteria.Any(c => c.Weight > 0))
                Assert.Equal(result.Criteria.Sum(c => c.Points), result.Total, 0.005 * criteria.Count + 1e-9);
            Assert.Equal(result.Criteria.Where(c => c.Mandatory).All(c => c.Met), result.Qualified);
            Assert.Equal(result.Qualified, !result.FailedMandatory.Any());

            // A certificate counts only while valid: the scorer agrees with the dates it was given.
            foreach (var c in result.Criteria.Where(c => c.Kind == CriterionKind.CertificationHeld))
            {
                var standard = criteria[c.Index].Standard;
                var valid = supplier.Certifications.Any(h => h.Standard == standard && (h.ValidUntil is null || h.ValidUntil >= Today));
                Assert.Equal(valid, c.Met);
            }
        }
    }

    [Fact]
    public void ACertificateValidUntilTodayIsStillHeldAndOneThatEndedYesterdayIsNot()
    {
        var criteria = new[] { new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" } };
        var today = Scorer.Score(criteria, Base() with { Certifications = [new("ISO 9001", Today)] }, Today);
        var yesterday = Scorer.Score(criteria, Base() with { Certifications = [new("ISO 9001", Today.AddDays(-1))] }, Today);
        Assert.True(today.Qualified);
        Assert.False(yesterday.Qualified);
        Assert.Equal("Meets 0 of 1 criteria; missing: Holds a valid ISO 9001 certificate", yesterday.Headline());
    }

    [Fact]
    public void TheOrderOfHeldCertificatesDoesNotChangeTheScore()
    {
        var criteria = new[] { new Criterion { Kind = CriterionKind.CertificationHeld, Weight = 100, Standard = "ISO 9001" } };
        HeldCertificate expired = new("ISO 9001", Today.AddDays(-5)), valid = new("ISO 9001", Today.AddDays(5));
        var first = Scorer.Score(criteria, Base() with { Certifications = [expired, valid] }, Today);
        var second = Scorer.Score(criteria, Base() with { Certifications = [valid, expired] }, Today);
        Assert.Equal(100, first.Total);
        Assert.Equal(first.Criteria[0], second.Criteria[0]);
    }

    private static SupplierFacts Base() => new() { OrganizationId = 1, Name = "Base", Country = "DE" };
}
