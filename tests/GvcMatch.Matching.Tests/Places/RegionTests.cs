using System.Text.Json;
using GvcMatch.Matching.Places;

namespace GvcMatch.Matching.Tests.Places;

/// <summary>Region lists in location and export criteria, and export experience from where a supplier is based.</summary>
public sealed class RegionTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static SupplierFacts Supplier(string country, params string[] exports) =>
        new() { OrganizationId = 1, Name = "S", Country = country, ExportMarkets = exports };

    private static CriterionScore Score(Criterion c, SupplierFacts s) => Scorer.Score([c], s, Today).Criteria[0];

    [Fact]
    public void TheRegistryHoldsTheNamedListsWithKnownCountryCodes()
    {
        var countries = JsonSerializer.Deserialize<List<JsonElement>>(File.ReadAllText(Path.Combine(SeedsFolder(), "reference", "countries.json")))!
            .Select(c => c.GetProperty("code").GetString()!).ToHashSet();
        var expected = new Dictionary<string, int>
        {
            ["EU"] = 27, ["EEA"] = 30, ["USMCA"] = 3, ["ASEAN"] = 11, ["Mercosur"] = 5, ["APEC"] = 21, ["OECD"] = 38,
            ["AfricanUnion"] = 55, ["GCC"] = 6, ["PacificAlliance"] = 4, ["CPTPP"] = 12,
        };
        Assert.Equal(expected.Keys.Order(), RegionRegistry.Default.Regions.Select(r => r.Code).Order());
        foreach (var region in RegionRegistry.Default.Regions)
        {
            Assert.Equal(expected[region.Code], region.Countries.Distinct().Count());
            Assert.All(region.Countries, c => Assert.Contains(c, countries));
        }
        Assert.Same(RegionRegistry.Default.Find("EU"), RegionRegistry.Default.Find("european union"));
        Assert.Null(RegionRegistry.Default.Find("Atlantis"));
    }

    [Fact]
    public void ALocationInARegionIsMetAndNamesTheRegion()
    {
        var c = new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["CH"], Regions = ["EU"] };
        var spain = Score(c, Supplier("ES"));
        Assert.True(spain.Met);
        Assert.Equal("based in ES (EU)", spain.Evidence);
        Assert.Equal("based in CH", Score(c, Supplier("CH")).Evidence);
        var norway = Score(c, Supplier("NO"));
        Assert.False(norway.Met);
        Assert.Equal("based in NO, not in CH, EU", norway.Evidence);
        Assert.Equal("Located in CH, EU", c.Summary());
    }

    [Fact]
    public void ASupplierBasedInAWantedMarketHasExperienceThere()
    {
        var c = new Criterion { Kind = CriterionKind.ExportExperience, Mandatory = true, Countries = ["ES", "FR"] };
        var spanish = Score(c, Supplier("ES", "US"));
        Assert.True(spanish.Met);
        Assert.Equal("based in ES", spanish.Evidence);
        var both = Score(c, Supplier("ES", "FR"));
        Assert.Equal("exports to FR; based in ES", both.Evidence);
        Assert.Equal(1, both.Score);
        Assert.False(Score(c, Supplier("DE", "US")).Met);
        // With no market named, being located somewhere is not export experience.
        Assert.False(Score(new Criterion { Kind = CriterionKind.ExportExperience, Mandatory = true }, Supplier("ES")).Met);
    }

    [Fact]
    public void EachListedRegionIsOneMarketOfTheWeightedShare()
    {
        var c = new Criterion { Kind = CriterionKind.ExportExperience, Weight = 100, Regions = ["EU", "Mercosur"] };
        var line = Score(c, Supplier("JP", "FR", "DE"));
        Assert.True(line.Met);
        Assert.Equal(0.5, line.Score);
        Assert.Equal("exports to DE (EU), FR (EU)", line.Evidence);
        Assert.Equal(1, Score(c, Supplier("BR", "IT")).Score);
        Assert.Equal("exports to IT (EU); based in BR (Mercosur)", Score(c, Supplier("BR", "IT")).Evidence);
    }

    [Fact]
    public void AnUnknownRegionIsRefusedOnTheRegionsField()
    {
        var location = new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Regions = ["EU", "Atlantis"] };
        var errors = CriteriaValidator.Validate([location], new AnyCountry());
        Assert.Equal(["criteria[0].regions"], errors.Keys);
        Assert.Contains("Atlantis", errors["criteria[0].regions"][0]);
        var export = new Criterion { Kind = CriterionKind.ExportExperience, Mandatory = true, Regions = ["Narnia"] };
        Assert.Equal(["criteria[0].regions"], CriteriaValidator.Validate([export], new AnyCountry()).Keys);
        Assert.Empty(CriteriaValidator.Validate([location with { Regions = ["EU"] }], new AnyCountry()));
    }

    [Fact]
    public void MembersBasedInTheMarketsGiveAConsortiumItsExportExperience()
    {
        var c = new Criterion { Kind = CriterionKind.ExportExperience, Mandatory = true, Regions = ["Mercosur"] };
        var facts = new[] { Supplier("DE", "US") with { OrganizationId = 1, Name = "A" }, Supplier("AR") with { OrganizationId = 2, Name = "B" } };
        var result = ConsortiumCoverage.Evaluate([c], [new CoverageMember(facts[0], [0]), new CoverageMember(facts[1], [0])], [], Today);
        Assert.True(result.Criteria[0].Met);
        Assert.Contains("based in AR (Mercosur)", result.Criteria[0].Evidence);
    }

    private sealed class AnyCountry : ICriteriaCodes
    {
        public bool IsCountry(string code) => code.Length == 2;
        public bool IsCertificationStandard(string code) => false;
    }

    private static string SeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(Path.Combine(candidate, "reference"))) return candidate;
        }
        throw new DirectoryNotFoundException("seeds/reference not found above the test folder.");
    }
}
