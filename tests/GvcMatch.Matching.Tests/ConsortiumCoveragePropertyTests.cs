using GvcMatch.Matching;

using static GvcMatch.Matching.Tests.RandomCases;

namespace GvcMatch.Matching.Tests;

/// <summary>
/// The coverage rule over many generated consortia (a fixed seed, so a failure repeats): it agrees
/// with the scorer member by member, a consortium of one is scored exactly as that supplier alone,
/// and a certificate never helps a member that does not do the work.
/// </summary>
public sealed class ConsortiumCoveragePropertyTests
{

    [Fact]
    public void Every_criterion_is_met_exactly_when_it_is_covered_and_every_covering_member_meets_it_on_its_own_facts()
    {
        var random = new Random(5_2026);
        for (var n = 0; n < 1500; n++)
        {
            var criteria = Criteria(random);
            var members = Enumerable.Range(1, random.Next(1, 5)).Select(id => Member(random, id, criteria.Count)).ToList();
            var groups = Groups(random, members.Count);
            var result = ConsortiumCoverage.Evaluate(criteria, members, groups, Today);

            Assert.Equal(criteria.Count, result.Criteria.Count);
            Assert.Equal(result.Criteria.Where(c => c.Mandatory).All(c => c.Met), result.MandatoryMet);
            Assert.InRange(result.Total, 0, 100);
            foreach (var line in result.Criteria)
            {
                Assert.InRange(line.Score, 0, 1);
                var c = criteria[line.Index];
                // A criterion for every member binds every member; the others bind the members whose work covers them.
                var covering = c.Kind != CriterionKind.CapabilityFit && c.AppliedScope() == CriterionScope.EveryMember
                    ? members.ToList() : members.Where(m => m.Criteria.Contains(line.Index)).ToList();
                Assert.Equal(covering.Select(m => m.Facts.OrganizationId), line.CoveredBy);
                if (covering.Count == 0)
                {
                    Assert.False(line.Met);
                    continue;
                }
                if (c.Kind == CriterionKind.CapacityAtLeast && c.AppliedScope() != CriterionScope.EveryMember)
                {
                    var amounts = covering.Select(m => Scorer.CapacityIn(c, m.Facts, out _)).Where(a => a is not null).ToList();
                    Assert.Equal(amounts.Count > 0 && amounts.Sum() >= c.Minimum, line.Met);
                    continue;
                }
                // Each covering member alone, with the group certificates that list it as if they were its own.
                var alone = covering.Select(m => Scorer.Score([c], WithGroups(m.Facts, groups), Today).Criteria[0]).ToList();
                if (c.AppliedScope() == CriterionScope.Consortium && c.Kind is not (CriterionKind.CapabilityFit or CriterionKind.LeadTimeAtMost))
                {
                    // For the consortium as a whole one member meeting it is enough.
                    Assert.Equal(alone.Any(a => a.Met), line.Met);
                    Assert.Equal(alone.Max(a => a.Score), line.Score);
                    continue;
                }
                Assert.Equal(alone.All(a => a.Met), line.Met);
                if (c.Kind != CriterionKind.CapabilityFit) Assert.Equal(alone.Min(a => a.Score), line.Score);
                else Assert.True(line.Score >= alone.Max(a => a.Score) - 1e-9, "Together the members offer at least what the best of them offers.");
            }
        }
    }

    [Fact]
    public void A_consortium_of_one_member_covering_everything_scores_what_the_scorer_gives_that_supplier()
    {
        var random = new Random(28_11);
        for (var n = 0; n < 1500; n++)
        {
            var criteria = Criteria(random);
            var facts = Supplier(random, 1);
            var result = ConsortiumCoverage.Evaluate(criteria, [new CoverageMember(facts, Enumerable.Range(0, criteria.Count).ToList())], [], Today);
            var alone = Scorer.Score(criteria, facts, Today);

            Assert.Equal(alone.Qualified, result.MandatoryMet);
            Assert.Equal(alone.Total, result.Total);
            Assert.Equal(alone.Criteria.Select(c => (c.Score, c.Met, c.Points)), result.Criteria.Select(c => (c.Score, c.Met, c.Points)));
        }
    }

    [Fact]
    public void Adding_a_certified_member_never_makes_an_uncertified_members_certified_work_pass()
    {
        var random = new Random(13485);
        for (var n = 0; n < 500; n++)
        {
            var standard = Standards[random.Next(Standards.Length)];
            Criterion[] criteria = [new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = standard }];
            var uncertified = Supplier(random, 1) with { Certifications = [] };
            var certified = Supplier(random, 2) with { Certifications = [new HeldCertificate(standard, null)] };

            var alone = ConsortiumCoverage.Evaluate(criteria, [new(uncertified, [0])], [], Today);
            var helperDoesOtherWork = ConsortiumCoverage.Evaluate(criteria, [new(uncertified, [0]), new(certified, [])], [], Today);
            var helperShares = ConsortiumCoverage.Evaluate(criteria, [new(uncertified, [0]), new(certified, [0])], [], Today);
            Assert.False(alone.MandatoryMet);
            Assert.False(helperDoesOtherWork.MandatoryMet);
            Assert.False(helperShares.MandatoryMet);
        }
    }

    private static SupplierFacts WithGroups(SupplierFacts f, IReadOnlyList<GroupCertificateFact> groups) => f with
    {
        Certifications = [.. f.Certifications, .. groups.Where(g => g.MemberOrganizationIds.Contains(f.OrganizationId)).Select(g => new HeldCertificate(g.Standard, g.ValidUntil))],
    };

    private static CoverageMember Member(Random r, int id, int criteria) =>
        new(Supplier(r, id), Enumerable.Range(0, criteria).Where(_ => r.Next(2) == 0).ToList());

    private static List<GroupCertificateFact> Groups(Random r, int members) =>
        Enumerable.Range(0, r.Next(0, 3)).Select(_ => new GroupCertificateFact(
            Pick(r, Standards), r.Next(3) == 0 ? Today.AddDays(r.Next(-30, 0)) : Today.AddDays(r.Next(0, 300)), "Cluster",
            Enumerable.Range(1, members).Where(_ => r.Next(2) == 0).ToList())).ToList();
}
