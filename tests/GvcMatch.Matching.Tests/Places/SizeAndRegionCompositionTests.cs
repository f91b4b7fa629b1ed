using GvcMatch.Matching.Composition;

namespace GvcMatch.Matching.Tests.Places;

/// <summary>The composer reads employee ranges member by member and export experience from where members are based.</summary>
public sealed class SizeAndRegionCompositionTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static SupplierFacts Supplier(int id, string country, string capability, int? employees, string band = "Small", params string[] exports) => new()
    {
        OrganizationId = id, Name = $"S{id}", Country = country, SizeBand = band, EmployeeCount = employees,
        Summary = capability, Capabilities = [capability], ExportMarkets = exports,
    };

    [Fact]
    public void AMemberBasedInTheMarketBringsTheExportExperienceAndEveryMemberMustBeLargeEnough()
    {
        Criterion[] criteria =
        [
            new() { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = ["die casting", "powder coating"] },
            new() { Kind = CriterionKind.CompanySize, Mandatory = true, MinEmployees = 50 },
            new() { Kind = CriterionKind.ExportExperience, Mandatory = true, Regions = ["Mercosur"] },
        ];
        var caster = Supplier(1, "DE", "die casting", 120, exports: "US");
        var smallCoater = Supplier(2, "BR", "powder coating", null, "Small");        // based in Mercosur, but may have fewer than 50 employees
        var coater = Supplier(3, "AR", "powder coating", 80);                        // based in Mercosur, 80 employees
        var farCoater = Supplier(4, "FR", "powder coating", null, "Medium", "JP");    // large enough, no Mercosur experience

        var result = ConsortiumComposer.Compose(criteria, [caster, smallCoater, coater, farCoater], Today);

        Assert.NotEmpty(result.Proposals);
        var best = result.Proposals[0];
        Assert.Equal([1, 3], best.Members.Select(m => m.OrganizationId).Order());
        Assert.Contains("based in AR (Mercosur)", best.Criteria[2].Evidence);
        // Never a set with the member that may be too small.
        Assert.DoesNotContain(result.Proposals, p => p.Members.Any(m => m.OrganizationId == 2));
        // And the set with the far coater has nobody in or selling to Mercosur.
        Assert.DoesNotContain(result.Proposals, p => p.Members.Select(m => m.OrganizationId).Order().SequenceEqual([1, 4]));
    }
}
