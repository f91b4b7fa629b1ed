using GvcMatch.Matching;
using GvcMatch.Matching.Composition;
using static GvcMatch.Matching.Tests.Composition.Reference;

namespace GvcMatch.Matching.Tests.Composition;

/// <summary>
/// The composer against brute force over many small random instances (fixed seed, so a failure
/// repeats): every proposal meets every mandatory criterion with every member needed, and with
/// limits wide enough to see everything it finds exactly the sets brute force finds.
/// </summary>
public sealed class ComposerPropertyTests
{
    private static readonly string[] Words = ["cnc milling", "anodising", "die casting", "pcb assembly", "injection moulding", "weaving"];
    private static readonly string[] Countries = ["DE", "PL", "US"];
    private static readonly string[] Standards = ["ISO 9001", "ISO 13485"];

    private static readonly ComposerOptions SeeEverything = new()
    {
        Top = 10_000, RepresentativesPerClass = 10_000, ExtensionPool = 10_000, MaxSetsExamined = long.MaxValue,
    };

    [Fact]
    public void Proposals_never_miss_a_mandatory_criterion_and_match_brute_force_when_nothing_is_cut()
    {
        var random = new Random(5_2026);
        var instancesWithSets = 0;
        for (var n = 0; n < 300; n++)
        {
            var criteria = Criteria(random);
            var suppliers = Enumerable.Range(1, random.Next(4, 10)).Select(id => Supplier(random, id)).ToList();
            // When one supplier does everything alone, no consortium is proposed at all.
            var pieces = criteria.Where(c => c.Kind == CriterionKind.CapabilityFit).SelectMany(c => c.Keywords ?? []).Distinct().Count();
            var soleExists = suppliers.Any(s => IsValid(criteria, [s]) && PiecesDone(criteria, [s]) == pieces);
            var expected = soleExists ? [] : AllMinimalSets(criteria, suppliers).Select(s => string.Join(',', s)).ToHashSet();
            var byId = suppliers.ToDictionary(s => s.OrganizationId);

            foreach (var options in new[] { new ComposerOptions { RepresentativesPerClass = 1, ExtensionPool = 1 }, new ComposerOptions(), SeeEverything })
            {
                var result = ConsortiumComposer.Compose(criteria, suppliers, Today, options);
                foreach (var proposal in result.Proposals)
                {
                    var set = proposal.Members.Select(m => byId[m.OrganizationId]).ToList();
                    Assert.True(IsMinimalValid(criteria, set), $"instance {n}: proposed {string.Join(',', set.Select(s => s.OrganizationId))} is not a valid set with every member needed");
                    Assert.InRange(set.Count, 2, 4);
                    Assert.All(proposal.Criteria.Where(c => c.Mandatory), c => Assert.True(c.Met));
                }
                Assert.All(result.NoConsortiumNeeded, s => Assert.True(IsValid(criteria, [byId[s.OrganizationId]])));
            }

            var full = ConsortiumComposer.Compose(criteria, suppliers, Today, SeeEverything);
            Assert.True(expected.SetEquals(Sets(full)),
                $"instance {n}: brute force [{string.Join(" ", expected)}], composer [{string.Join(" ", Sets(full))}]");
            Assert.Equal(expected.Count, full.Search.ValidSets);
            if (expected.Count > 0) instancesWithSets++;
        }
        // The generator must produce enough instances where consortia exist, or the test proves little.
        Assert.InRange(instancesWithSets, 40, 300);
    }

    [Fact]
    public void A_set_of_one_scores_what_the_scorer_gives_that_supplier()
    {
        var random = new Random(28_11);
        for (var n = 0; n < 1000; n++)
        {
            var criteria = Criteria(random, weighted: true);
            var supplier = Supplier(random, 1);
            var shape = new Shape(criteria, Today);
            var alone = Scorer.Score(criteria, supplier, Today);
            var lines = SetEvaluator.Explain(shape, [new Candidate(shape, supplier)]);
            Assert.Equal(alone.Criteria.Select(c => c.Score), lines.Select(c => c.Score));
            if (criteria.Any(c => !c.Mandatory)) Assert.Equal(alone.Total, SetEvaluator.Total(shape, [new Candidate(shape, supplier)]).Total);
        }
    }

    private static SupplierFacts Supplier(Random r, int id) => new()
    {
        OrganizationId = id,
        Name = $"S{id}",
        Country = r.Next(5) == 0 ? Pick(r, Countries) : "DE",
        Verified = r.Next(4) != 0,
        Capabilities = Words.Where(_ => r.Next(4) == 0).ToList(),
        Certifications = Standards.Where(_ => r.Next(3) != 0).Select(s => new HeldCertificate(s, Today.AddDays(r.Next(-30, 300)))).ToList(),
        MonthlyCapacity = r.Next(6) == 0 ? null : r.Next(100, 3000),
        CapacityUnit = r.Next(8) == 0 ? "kg" : "pieces",
        LeadTimeDays = r.Next(8) == 0 ? null : r.Next(5, 40),
        ExportMarkets = Countries.Where(_ => r.Next(4) == 0).ToList(),
    };

    /// <summary>Two or three mandatory capability criteria of one or two keywords, and some of the other mandatory kinds.</summary>
    private static List<Criterion> Criteria(Random r, bool weighted = false)
    {
        var words = Words.OrderBy(_ => r.Next()).ToList();
        var list = new List<Criterion>();
        var groups = r.Next(1, 4);
        for (var g = 0; g < groups; g++)
            list.Add(new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = words.Skip(g * 2).Take(r.Next(1, 3)).ToList() });
        if (r.Next(2) == 0) list.Add(new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = Pick(r, Standards) });
        if (r.Next(3) == 0) list.Add(new Criterion { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = r.Next(500, 5000), Unit = "pcs" });
        if (r.Next(3) == 0) list.Add(new Criterion { Kind = CriterionKind.LeadTimeAtMost, Mandatory = true, Days = r.Next(10, 40) });
        if (r.Next(3) == 0) list.Add(new Criterion { Kind = CriterionKind.ExportExperience, Mandatory = true, Countries = r.Next(2) == 0 ? [] : ["US"] });
        if (r.Next(4) == 0) list.Add(new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["DE", "PL"] });
        if (r.Next(4) == 0) list.Add(new Criterion { Kind = CriterionKind.VerifiedSupplier, Mandatory = true });
        if (weighted)
        {
            // Every kind once more as a weighted criterion, so that each set formula meets the scorer's.
            list.Add(new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 20, Keywords = words.Take(3).ToList() });
            list.Add(new Criterion { Kind = CriterionKind.CertificationHeld, Weight = 10, Standard = Pick(r, Standards) });
            list.Add(new Criterion { Kind = CriterionKind.CapacityAtLeast, Weight = 15, Minimum = r.Next(500, 5000), Unit = "pieces" });
            list.Add(new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 15, Days = r.Next(5, 30) });
            list.Add(new Criterion { Kind = CriterionKind.ExportExperience, Weight = 10, Countries = ["US", "PL"] });
            list.Add(new Criterion { Kind = CriterionKind.LocationIn, Weight = 10, Countries = ["DE"] });
            list.Add(new Criterion { Kind = CriterionKind.VerifiedSupplier, Weight = 10 });
            list.Add(new Criterion { Kind = CriterionKind.CompanySize, Weight = 10, SizeBands = ["Small"] });
        }
        return list;
    }

    private static string Pick(Random r, string[] items) => items[r.Next(items.Length)];
}
