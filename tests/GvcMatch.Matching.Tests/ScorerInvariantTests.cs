using GvcMatch.Matching;

namespace GvcMatch.Matching.Tests;

/// <summary>
/// Invariants of the scorer over many generated suppliers and criteria lists (a fixed seed, so a
/// failure repeats): sub-scores stay in [0, 1], the total is the sum of the points, a supplier
/// qualifies exactly when it meets every mandatory criterion, and certificate dates are honoured.
/// </summary>
public sealed class ScorerInvariantTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly string[] Countries = ["DE", "PL", "JP", "VN", "US"];
    private static readonly string[] Standards = ["ISO 9001", "ISO 13485", "IATF 16949"];
    private static readonly string[] Words = ["cnc milling", "anodising", "die casting", "laser cutting", "injection moulding", "powder coating"];
    private static readonly string[] Bands = ["Micro", "Small", "Medium", "Large"];

    [Fact]
    public void GeneratedCasesKeepEveryInvariant()
    {
        var random = new Random(20261128);
        for (var n = 0; n < 2000; n++)
        {
            var criteria = Criteria(random);
            var supplier = Supplier(random);
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

    private static SupplierFacts Supplier(Random r) => Base() with
    {
        Country = Pick(r, Countries),
        SizeBand = Pick(r, Bands),
        Verified = r.Next(2) == 0,
        Capabilities = Words.Where(_ => r.Next(3) == 0).ToList(),
        Certifications = Standards.Where(_ => r.Next(2) == 0).Select(s => new HeldCertificate(s, r.Next(4) == 0 ? null : Today.AddDays(r.Next(-60, 60)))).ToList(),
        MonthlyCapacity = r.Next(4) == 0 ? null : r.Next(0, 100_000),
        CapacityUnit = r.Next(5) == 0 ? "tonnes" : "pcs",
        LeadTimeDays = r.Next(4) == 0 ? null : r.Next(0, 120),
        ExportMarkets = Countries.Where(_ => r.Next(3) == 0).ToList(),
    };

    /// <summary>One to six criteria, any kind, some mandatory; the weighted ones share 100 points.</summary>
    private static List<Criterion> Criteria(Random r)
    {
        var list = Enumerable.Range(0, r.Next(1, 7)).Select(_ => Criterion(r, mandatory: r.Next(3) == 0)).ToList();
        var weighted = list.Where(c => !c.Mandatory).ToList();
        var left = 100;
        for (var i = 0; i < weighted.Count; i++)
        {
            var weight = i == weighted.Count - 1 ? left : r.Next(1, left - (weighted.Count - i - 1) + 1);
            left -= weight;
            list[list.IndexOf(weighted[i])] = weighted[i] with { Weight = weight };
        }
        return list;
    }

    private static Criterion Criterion(Random r, bool mandatory)
    {
        var kind = (CriterionKind)r.Next(Enum.GetValues<CriterionKind>().Length);
        var c = new Criterion { Kind = kind, Mandatory = mandatory };
        return kind switch
        {
            CriterionKind.CapabilityFit => c with { Keywords = Words.Where(_ => r.Next(2) == 0).DefaultIfEmpty(Words[0]).ToList() },
            CriterionKind.CertificationHeld => c with { Standard = Pick(r, Standards) },
            CriterionKind.CapacityAtLeast => c with { Minimum = r.Next(1, 80_000), Unit = "pieces" },
            CriterionKind.LeadTimeAtMost => c with { Days = r.Next(1, 60) },
            CriterionKind.LocationIn => c with { Countries = [Pick(r, Countries), Pick(r, Countries)] },
            CriterionKind.ExportExperience => c with { Countries = r.Next(3) == 0 ? [] : [Pick(r, Countries)] },
            CriterionKind.CompanySize => c with { SizeBands = [Pick(r, Bands)] },
            _ => c,
        };
    }

    private static string Pick(Random r, string[] items) => items[r.Next(items.Length)];
}
