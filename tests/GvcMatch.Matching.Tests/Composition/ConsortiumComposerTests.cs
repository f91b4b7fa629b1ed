using GvcMatch.Matching;
using GvcMatch.Matching.Composition;
using static GvcMatch.Matching.Tests.Composition.Reference;

namespace GvcMatch.Matching.Tests.Composition;

/// <summary>The composer on small hand-made data whose covering sets are known.</summary>
public sealed class ConsortiumComposerTests
{
    [Fact]
    public void It_finds_the_set_that_covers_what_no_single_supplier_can()
    {
        Criterion[] criteria = [Capability("cnc milling"), Capability("pcb assembly"), Certificate("ISO 9001")];
        SupplierFacts[] suppliers = [Supplier(1, "cnc milling"), Supplier(2, "pcb assembly"), Supplier(3, "die casting")];

        var result = ConsortiumComposer.Compose(criteria, suppliers, Today);

        var proposal = Assert.Single(result.Proposals);
        Assert.Equal([1, 2], proposal.Members.Select(m => m.OrganizationId).Order());
        Assert.Empty(result.NoConsortiumNeeded);
        Assert.All(proposal.Criteria, c => Assert.True(c.Met));
        // The explanation names who covers each mandatory criterion.
        Assert.Equal([1], proposal.Criteria[0].CoveredBy);
        Assert.Equal("cnc milling: S1", proposal.Criteria[0].Evidence);
        Assert.Equal([2], proposal.Criteria[1].CoveredBy);
        Assert.Equal([1, 2], proposal.Criteria[2].CoveredBy.Order());
        Assert.Contains("S1: holds ISO 9001", proposal.Criteria[2].Evidence);
        Assert.Equal("the only member doing pcb assembly", proposal.Members.Single(m => m.OrganizationId == 2).Contribution);
    }

    [Fact]
    public void A_smaller_valid_set_ranks_above_a_larger_one()
    {
        Criterion[] criteria = [Capability("cnc milling", "anodising"), Capability("pcb assembly")];
        SupplierFacts[] suppliers =
        [
            Supplier(1, "cnc milling", "anodising"), Supplier(2, "pcb assembly"),
            Supplier(3, "cnc milling"), Supplier(4, "anodising"),
        ];

        var result = ConsortiumComposer.Compose(criteria, suppliers, Today);

        Assert.Equal(["1,2", "2,3,4"], result.Proposals.Select(p => string.Join(',', p.Members.Select(m => m.OrganizationId).Order())));
        Assert.Equal(1, result.Proposals[0].Coverage);
        Assert.Equal(1, result.Proposals[1].Coverage);
    }

    [Fact]
    public void A_higher_weighted_total_ranks_before_fewer_members()
    {
        var lead = new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 100, Days = 10 };
        Criterion[] criteria = [Capability("cnc milling", "anodising"), Capability("pcb assembly"), lead];
        SupplierFacts Fast(SupplierFacts s) => s with { LeadTimeDays = 10 };
        // The pair's slowest member takes 15 days (score 0.5); the trio are all fast (score 1).
        SupplierFacts[] suppliers =
        [
            Supplier(1, "cnc milling", "anodising") with { LeadTimeDays = 15 }, Fast(Supplier(2, "pcb assembly")),
            Fast(Supplier(3, "cnc milling")), Fast(Supplier(4, "anodising")),
        ];

        var result = ConsortiumComposer.Compose(criteria, suppliers, Today);

        Assert.Equal(["2,3,4", "1,2"], result.Proposals.Select(p => string.Join(',', p.Members.Select(m => m.OrganizationId).Order())));
        Assert.Equal(100, result.Proposals[0].Total);
        Assert.Equal(50, result.Proposals[1].Total);
    }

    [Fact]
    public void A_certificate_for_a_role_is_required_only_of_the_members_doing_that_role()
    {
        var export = new Criterion { Kind = CriterionKind.ExportExperience, Mandatory = true, Countries = ["US"] };
        var machining = Capability("cnc milling", "anodising") with { Role = "machining" };
        var certificate = Certificate("ISO 9001") with { Role = "machining" };
        Criterion[] criteria = [machining, certificate, export];
        var uncertified = new List<HeldCertificate>();
        SupplierFacts[] suppliers =
        [
            Supplier(1, "cnc milling", "anodising"),
            // An exporter that does none of the machining: it needs no ISO 9001.
            Supplier(2, "freight forwarding") with { Certifications = uncertified, ExportMarkets = ["US"] },
            // Offers anodising without ISO 9001: it may bring the export experience, never the anodising.
            Supplier(3, "anodising") with { Certifications = uncertified, ExportMarkets = ["US"] },
            // Offers part of the machining without ISO 9001 and brings nothing else: never a member.
            Supplier(4, "cnc milling") with { Certifications = uncertified },
            Supplier(5, "logistics") with { ExportMarkets = ["US"] },
        ];

        var result = ConsortiumComposer.Compose(criteria, suppliers, Today);

        Assert.Equal(new HashSet<string> { "1,2", "1,3", "1,5" }, Sets(result));
        var pair = result.Proposals.First(p => p.Members.Any(m => m.OrganizationId == 2));
        Assert.False(pair.Members.Single(m => m.OrganizationId == 2).DoesWork);
        Assert.Equal(["machining"], pair.Members.Single(m => m.OrganizationId == 1).Roles);
        var line = pair.Criteria.Single(c => c.Kind == CriterionKind.CertificationHeld);
        Assert.True(line.Met);
        Assert.Equal(CriterionScope.Role, line.AppliesTo);
        Assert.Equal([1], line.CoveredBy);
        Assert.Contains("not required of S2 (not doing machining)", line.Evidence);
        var withThree = result.Proposals.Single(p => p.Members.Any(m => m.OrganizationId == 3));
        var three = withThree.Members.Single(m => m.OrganizationId == 3);
        Assert.Empty(three.Offers);
        Assert.Contains("not for machining: no ISO 9001 certificate", three.NotFor);
        Assert.All(result.Proposals, p => Assert.DoesNotContain(p.Members, m => m.OrganizationId == 4));
    }

    [Fact]
    public void A_supplier_that_covers_everything_alone_is_reported_and_not_proposed()
    {
        Criterion[] criteria = [Capability("cnc milling"), Capability("pcb assembly")];
        SupplierFacts[] suppliers = [Supplier(1, "cnc milling", "pcb assembly"), Supplier(2, "cnc milling"), Supplier(3, "pcb assembly")];

        var result = ConsortiumComposer.Compose(criteria, suppliers, Today);

        Assert.Equal([1], result.NoConsortiumNeeded.Select(s => s.OrganizationId));
        Assert.Equal(1, result.NoConsortiumNeededCount);
        Assert.Empty(result.Proposals);
        Assert.StartsWith("No consortium is proposed: 1 supplier (S1) meet", result.Note);
    }

    [Fact]
    public void Capacity_adds_up_over_the_members_doing_the_work()
    {
        var capacity = new Criterion { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = 2500, Unit = "pcs" };
        Criterion[] criteria = [Capability("cnc milling"), capacity];
        SupplierFacts[] suppliers =
        [
            Supplier(1, "cnc milling") with { MonthlyCapacity = 1500 },
            Supplier(2, "cnc milling") with { MonthlyCapacity = 1200 },
            // Large, but does none of the sought work: its capacity is for something else.
            Supplier(3, "weaving") with { MonthlyCapacity = 90_000 },
            Supplier(4, "cnc milling") with { MonthlyCapacity = 900, CapacityUnit = "kg" },
        ];

        var result = ConsortiumComposer.Compose(criteria, suppliers, Today);

        var proposal = Assert.Single(result.Proposals);
        Assert.Equal([1, 2], proposal.Members.Select(m => m.OrganizationId).Order());
        Assert.StartsWith("S1 1,500 + S2 1,200 = 2,700 pcs a month", proposal.Criteria[1].Evidence);
    }

    [Fact]
    public void With_a_required_member_every_proposal_includes_it_and_needs_it()
    {
        Criterion[] criteria = [Capability("cnc milling"), Capability("pcb assembly"), Capability("die casting")];
        SupplierFacts[] others = [Supplier(2, "pcb assembly"), Supplier(3, "die casting"), Supplier(4, "pcb assembly", "die casting"), Supplier(5, "cnc milling")];
        var me = Supplier(1, "cnc milling");

        var result = ConsortiumComposer.Compose(criteria, others, Today, required: me);

        Assert.Equal(new HashSet<string> { "1,4", "1,2,3" }, Sets(result));
        Assert.Equal([1, 4], result.Proposals[0].Members.Select(m => m.OrganizationId).Order());
        Assert.All(result.Proposals, p => Assert.Contains(p.Members, m => m.OrganizationId == 1));

        var alone = ConsortiumComposer.Compose(criteria, others, Today, required: Supplier(1, "cnc milling", "pcb assembly", "die casting"));
        Assert.Empty(alone.Proposals);
        Assert.Contains("no consortium is needed", alone.Note);

        var outside = ConsortiumComposer.Compose([.. criteria, new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["DE"] }],
            others, Today, required: me with { Country = "FR" });
        Assert.Empty(outside.Proposals);
        Assert.Contains("every member", outside.Note);
    }

    [Fact]
    public void Every_member_must_be_located_where_the_buyer_asks()
    {
        var location = new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["DE", "PL"] };
        Criterion[] criteria = [Capability("cnc milling"), Capability("pcb assembly"), location];
        SupplierFacts[] suppliers = [Supplier(1, "cnc milling"), Supplier(2, "pcb assembly") with { Country = "US" }, Supplier(3, "pcb assembly") with { Country = "PL" }];

        var result = ConsortiumComposer.Compose(criteria, suppliers, Today);

        Assert.Equal(new HashSet<string> { "1,3" }, Sets(result));
        Assert.Equal(2, result.Search.Usable);
    }

    [Fact]
    public void No_proposal_and_a_reason_when_nothing_covers_a_keyword()
    {
        Criterion[] criteria = [Capability("cnc milling"), Capability("glass blowing")];
        var result = ConsortiumComposer.Compose(criteria, [Supplier(1, "cnc milling"), Supplier(2, "pcb assembly")], Today);

        Assert.Empty(result.Proposals);
        Assert.Equal("No set of 2 to 4 candidates meets every mandatory criterion.", result.Note);
        Assert.Equal(0, result.Search.ClassCombinations);
    }
}
