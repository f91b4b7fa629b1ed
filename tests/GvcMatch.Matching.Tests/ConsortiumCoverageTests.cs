using GvcMatch.Matching;

namespace GvcMatch.Matching.Tests;

/// <summary>The consortium coverage rule on a small hand-made consortium whose answer is known.</summary>
public sealed class ConsortiumCoverageTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    /// <summary>C1 milling, C2 ISO 13485 for the milling (both mandatory), C3 capacity 20,000 pieces (mandatory), C4 lead time (weighted).</summary>
    private static readonly Criterion[] Criteria =
    [
        new() { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = ["cnc milling"] },
        new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 13485", Role = "cnc milling" },
        new() { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = 20000, Unit = "pieces" },
        new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 100, Days = 30 },
    ];

    private static readonly SupplierFacts Kawaguchi = new()
    {
        OrganizationId = 1, Name = "Kawaguchi Precision", Country = "JP", Capabilities = ["CNC milling"],
        Certifications = [new HeldCertificate("ISO 13485", new DateOnly(2027, 3, 31))],
        MonthlyCapacity = 12000, CapacityUnit = "pcs", LeadTimeDays = 20,
    };

    private static readonly SupplierFacts Osaka = new()
    {
        OrganizationId = 2, Name = "Osaka Coating", Country = "JP", Capabilities = ["powder coating"],
        MonthlyCapacity = 10000, CapacityUnit = "pieces", LeadTimeDays = 45,
    };

    private static ConsortiumCoverageResult Evaluate(IReadOnlyList<GroupCertificateFact>? groups, params CoverageMember[] members) =>
        ConsortiumCoverage.Evaluate(Criteria, members, groups ?? [], Today);

    [Fact]
    public void A_members_certificate_satisfies_a_mandatory_criterion_only_for_the_work_that_member_does()
    {
        // Kawaguchi holds ISO 13485 and covers the certified work: met, and the evidence names it.
        var certifiedDoesIt = Evaluate(null, new(Kawaguchi, [0, 1, 2]), new(Osaka, [2]));
        Assert.True(certifiedDoesIt.Criteria[1].Met);
        Assert.Equal("cnc milling: ISO 13485 held by Kawaguchi Precision, who does C2 (valid to 2027-03-31)", certifiedDoesIt.Criteria[1].Evidence);
        Assert.True(certifiedDoesIt.MandatoryMet);

        // Osaka also does part of the certified work: Kawaguchi's certificate does not cover Osaka's part.
        var uncertifiedShares = Evaluate(null, new(Kawaguchi, [0, 1, 2]), new(Osaka, [1, 2]));
        Assert.False(uncertifiedShares.Criteria[1].Met);
        Assert.Equal(0, uncertifiedShares.Criteria[1].Score);
        Assert.Contains("Osaka Coating, who does C2: no ISO 13485 certificate", uncertifiedShares.Criteria[1].Evidence);
        Assert.False(uncertifiedShares.MandatoryMet);

        // Osaka says it does the certified work: Kawaguchi's certificate for the milling does not cover it.
        var onlyUncertified = Evaluate(null, new(Kawaguchi, [0, 2]), new(Osaka, [1, 2]));
        Assert.False(onlyUncertified.Criteria[1].Met);
        Assert.Equal([1, 2], onlyUncertified.Criteria[1].CoveredBy);
    }

    [Fact]
    public void A_certificate_for_every_member_binds_members_whatever_work_they_declare()
    {
        Criterion[] criteria = [Criteria[0], new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 13485" }];

        var result = ConsortiumCoverage.Evaluate(criteria, [new(Kawaguchi, [0, 1]), new(Osaka, [])], [], Today);

        Assert.False(result.Criteria[1].Met);
        Assert.Equal([1, 2], result.Criteria[1].CoveredBy);
        Assert.StartsWith("every member: ", result.Criteria[1].Evidence);
        Assert.Contains("Osaka Coating, who does C2: no ISO 13485 certificate", result.Criteria[1].Evidence);
    }

    [Fact]
    public void Capacities_add_up_after_conversion_to_the_criterions_unit_and_period()
    {
        Criterion[] criteria = [new() { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = 30, Unit = "t", Period = CapacityPeriod.Year }];
        var kilos = Kawaguchi with { MonthlyCapacity = 1500, CapacityUnit = "kg" };
        var tonnes = Osaka with { MonthlyCapacity = 12, CapacityUnit = "tonnes", CapacityPeriod = CapacityPeriod.Year };
        var pieces = Osaka with { OrganizationId = 3, Name = "Sendai Parts", MonthlyCapacity = 90000, CapacityUnit = "pieces" };

        var result = ConsortiumCoverage.Evaluate(criteria, [new(kilos, [0]), new(tonnes, [0]), new(pieces, [0])], [], Today);

        Assert.True(result.Criteria[0].Met);
        Assert.StartsWith("Kawaguchi Precision 18 + Osaka Coating 12 = 30 t a year (at least 30 sought)", result.Criteria[0].Evidence);
        Assert.Contains("Sendai Parts, who does C1: capacity 90,000 pieces a month is stated in pieces, which does not compare with t", result.Criteria[0].Evidence);
    }

    [Fact]
    public void A_group_certificate_of_the_members_cluster_is_recognised()
    {
        var cluster = new GroupCertificateFact("ISO 13485", new DateOnly(2027, 6, 30), "Kansai Medical Cluster", [2]);
        var result = Evaluate([cluster], new(Kawaguchi, [0, 1, 2]), new(Osaka, [1, 2]));

        Assert.True(result.Criteria[1].Met);
        Assert.Equal(1, result.Criteria[1].Score);
        Assert.Contains("ISO 13485 held by Osaka Coating, who does C2, through the group certificate of Kansai Medical Cluster (valid to 2027-06-30)",
            result.Criteria[1].Evidence);
        Assert.True(result.MandatoryMet);
    }

    [Fact]
    public void A_group_certificate_that_does_not_list_the_member_is_not_recognised()
    {
        var cluster = new GroupCertificateFact("ISO 13485", new DateOnly(2027, 6, 30), "Kansai Medical Cluster", [99]);
        var result = Evaluate([cluster], new(Kawaguchi, [0, 1, 2]), new(Osaka, [1, 2]));
        Assert.False(result.Criteria[1].Met);
    }

    [Fact]
    public void An_expired_group_certificate_is_not_recognised()
    {
        var expired = new GroupCertificateFact("ISO 13485", Today.AddDays(-1), "Kansai Medical Cluster", [2]);
        var result = Evaluate([expired], new(Kawaguchi, [0, 1, 2]), new(Osaka, [1, 2]));

        Assert.False(result.Criteria[1].Met);
        Assert.Contains("the group certificate of Kansai Medical Cluster expired on 2026-11-27", result.Criteria[1].Evidence);
        // Valid until today still counts, as for an own certificate.
        var lastDay = Evaluate([expired with { ValidUntil = Today }], new(Kawaguchi, [0, 1, 2]), new(Osaka, [1, 2]));
        Assert.True(lastDay.Criteria[1].Met);
    }

    [Fact]
    public void The_capacities_of_the_covering_members_add_up_and_others_do_not_count()
    {
        var both = Evaluate(null, new(Kawaguchi, [0, 1, 2]), new(Osaka, [2]));
        Assert.True(both.Criteria[2].Met);
        Assert.Equal("Kawaguchi Precision 12,000 + Osaka Coating 10,000 = 22,000 pieces a month (at least 20,000 sought), from Kawaguchi Precision, Osaka Coating, who do C3",
            both.Criteria[2].Evidence);

        var alone = Evaluate(null, new(Kawaguchi, [0, 1, 2]), new(Osaka, [3]));
        Assert.False(alone.Criteria[2].Met);
        Assert.Equal(0.6, alone.Criteria[2].Score);
        Assert.Equal([1], alone.Criteria[2].CoveredBy);
    }

    [Fact]
    public void A_criterion_no_member_covers_is_not_met_and_a_weighted_one_scores_its_weakest_covering_member()
    {
        var result = Evaluate(null, new(Kawaguchi, [0, 1, 2]), new(Osaka, [2]));
        Assert.False(result.Criteria[3].Met);
        Assert.Equal("no member's work covers C4", result.Criteria[3].Evidence);
        Assert.Equal(0, result.Total);

        // Both deliver: the slower one sets the lead time (45 days against 30 allowed: 0.5).
        var slow = Evaluate(null, new(Kawaguchi, [0, 1, 2, 3]), new(Osaka, [2, 3]));
        Assert.Equal(0.5, slow.Criteria[3].Score);
        Assert.Equal(50, slow.Total);
        Assert.Contains("Osaka Coating, who does C4: 45 days lead time", slow.Criteria[3].Evidence);
    }

    [Fact]
    public void Indexes_the_requirement_does_not_have_and_a_member_listed_twice_change_nothing()
    {
        var plain = Evaluate(null, new(Kawaguchi, [0, 1, 2]), new(Osaka, [2]));
        var noisy = Evaluate(null, new(Kawaguchi, [0, 1, 2, 7, -1]), new(Osaka, [2]), new(Kawaguchi, [3]));
        Assert.Equal(plain, noisy, new CoverageComparer());
    }

    private sealed class CoverageComparer : IEqualityComparer<ConsortiumCoverageResult>
    {
        public bool Equals(ConsortiumCoverageResult? x, ConsortiumCoverageResult? y) =>
            x is not null && y is not null && x.MandatoryMet == y.MandatoryMet && x.Total == y.Total
            && x.Criteria.Zip(y.Criteria).All(p => p.First with { CoveredBy = [] } == p.Second with { CoveredBy = [] }
                && p.First.CoveredBy.SequenceEqual(p.Second.CoveredBy));

        public int GetHashCode(ConsortiumCoverageResult obj) => obj.Total.GetHashCode();
    }
}
