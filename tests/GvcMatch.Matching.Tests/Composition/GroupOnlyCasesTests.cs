using GvcMatch.Matching;
using GvcMatch.Matching.Composition;
using static GvcMatch.Matching.Tests.Composition.Reference;

namespace GvcMatch.Matching.Tests.Composition;

/// <summary>
/// The composer on requirements only a group can meet: every valid cover is enumerated by brute
/// force over the rules written out plainly (<see cref="Reference"/>); the top three proposals must
/// hold one of them, and no proposal may break a rule for every member or for a role.
/// </summary>
public sealed class GroupOnlyCasesTests
{
    public static TheoryData<GroupCase> Cases() => [.. GroupOnlyCases.All()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_top_three_hold_a_valid_cover_and_no_proposal_breaks_a_member_or_role_rule(GroupCase @case)
    {
        var (criteria, suppliers, context) = (@case.Criteria, @case.Suppliers, @case.Context);
        var pieces = criteria.Where(c => c.Kind == CriterionKind.CapabilityFit).SelectMany(c => c.Keywords ?? []).Distinct().Count();
        Assert.DoesNotContain(suppliers, s => IsValid(criteria, [s], context) && PiecesDone(criteria, [s], context) == pieces);
        var covers = AllMinimalSets(criteria, suppliers, context: context).Select(s => string.Join(',', s)).ToHashSet();
        Assert.NotEmpty(covers);

        var result = ConsortiumComposer.Compose(criteria, suppliers, Today, context: context);

        var top = result.Proposals.Take(3).Select(p => string.Join(',', p.Members.Select(m => m.OrganizationId).Order())).ToList();
        Assert.True(top.Any(covers.Contains), $"{@case.Name}: top three [{string.Join(" ", top)}], valid covers [{string.Join(" ", covers)}]");
        var byId = suppliers.ToDictionary(s => s.OrganizationId);
        foreach (var proposal in result.Proposals)
        {
            var set = proposal.Members.Select(m => byId[m.OrganizationId]).ToList();
            Assert.True(IsValid(criteria, set, context), $"{@case.Name}: {string.Join(',', set.Select(s => s.OrganizationId))} is not a valid cover");
            foreach (var c in criteria.Where(c => c.Mandatory && c.Kind != CriterionKind.CapacityAtLeast))
            {
                // Who the proposal says does a role's work must meet that role's criteria on its own facts.
                var bound = c.AppliedScope() == CriterionScope.EveryMember ? proposal.Members
                    : c.AppliedRole() is { } role ? proposal.Members.Where(m => m.Roles.Contains(role, StringComparer.OrdinalIgnoreCase)
                        || m.Offers.Contains(role, StringComparer.OrdinalIgnoreCase)).ToList()
                    : [];
                Assert.All(bound, m => Assert.True(Scorer.Score([c], byId[m.OrganizationId], Today).Criteria[0].Met,
                    $"{@case.Name}: {m.Name} is bound by \"{c.Summary()}\" and does not meet it"));
            }
        }
        // The best proposal does as many pieces of work as any valid cover does.
        var most = covers.Max(k => PiecesDone(criteria, k.Split(',').Select(id => byId[int.Parse(id)]).ToList(), context));
        Assert.Equal(most, PiecesDone(criteria, result.Proposals[0].Members.Select(m => byId[m.OrganizationId]).ToList(), context));
    }

    [Fact]
    public void Capacities_in_tonnes_a_year_and_kilograms_a_month_add_up_and_pieces_are_said_not_to_compare()
    {
        var @case = GroupOnlyCases.All().Single(c => c.Name == "capacities in mixed units");

        var result = ConsortiumComposer.Compose(@case.Criteria, @case.Suppliers, Today);

        var best = result.Proposals[0];
        Assert.Equal([1, 2], best.Members.Select(m => m.OrganizationId).Order());
        Assert.Equal("S1 1,500 kg a month = 1.5 + S2 12 tonnes a year = 1 = 2.5 t a month (at least 2 sought)", best.Criteria[1].Evidence);
        var pieces = Scorer.Score(@case.Criteria, @case.Suppliers[2], Today).Criteria[1];
        Assert.Equal("capacity 80,000 pieces a month is stated in pieces, which does not compare with t", pieces.Evidence);
    }

    [Fact]
    public void With_no_mandatory_capability_the_set_doing_every_weighted_piece_comes_first()
    {
        var @case = GroupOnlyCases.All().Single(c => c.Name == "weighted pieces of work with a combined capacity");

        var result = ConsortiumComposer.Compose(@case.Criteria, @case.Suppliers, Today);

        Assert.Equal([1, 2], result.Proposals[0].Members.Select(m => m.OrganizationId).Order());
        Assert.Equal(1, result.Proposals[0].Coverage);
        Assert.Empty(result.Proposals[0].NotCovered);
        // The forwarder does none of the work, so its capacity is not the consortium's.
        Assert.DoesNotContain(result.Proposals, p => p.Members.Any(m => m.OrganizationId == 4));
        Assert.Contains(result.Proposals, p => p.Coverage == 0.5 && p.NotCovered.SequenceEqual(["anodising"]));
    }

    [Fact]
    public void A_spanish_profile_is_credited_with_the_pair_that_made_it_count()
    {
        var @case = GroupOnlyCases.All().Single(c => c.Name == "paraphrased and Spanish capabilities");

        var result = ConsortiumComposer.Compose(@case.Criteria, @case.Suppliers, Today, context: @case.Context);

        var best = result.Proposals[0];
        Assert.Equal([1, 2], best.Members.Select(m => m.OrganizationId).Order());
        Assert.StartsWith("CNC milling: S1 ('fresado CNC' = CNC milling (vocabulary)", best.Criteria[0].Evidence);
        Assert.StartsWith("powder coating: S2 ('electrostatic powder painting' = powder coating (vocabulary)", best.Criteria[1].Evidence);
    }
}
