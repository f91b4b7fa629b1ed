using GvcMatch.Matching;
using GvcMatch.Matching.Composition;
using GvcMatch.Matching.Understanding;
using GvcMatch.Search;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Search;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>
/// Capacity with unit and period means the same everywhere: the same cases run through the scorer,
/// the index filter matching builds (on a real Lucene index, from the app's own search documents),
/// the composer (a supplier that meets it alone needs no consortium) and the coverage rule of
/// consortium bids. A disagreement names the case.
/// </summary>
public sealed class CapacityContractTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gvc-capacity-" + Guid.NewGuid().ToString("N"));

    private static readonly (decimal Amount, string Unit, CapacityPeriod Period)[] Stated =
    [
        (1_500, "kg", CapacityPeriod.Month), (12, "tonnes", CapacityPeriod.Year), (2, "t", CapacityPeriod.Month),
        (20_000, "pcs", CapacityPeriod.Month), (250_000, "pieces", CapacityPeriod.Year), (500, "pieces", CapacityPeriod.Once),
        (3, "m³", CapacityPeriod.Month), (900, "litres", CapacityPeriod.Month), (400, "m2", CapacityPeriod.Month),
        (80, "pallets", CapacityPeriod.Month),
    ];

    public static TheoryData<decimal, string, CapacityPeriod?> Criteria() => new()
    {
        { 1, "t", null }, { 1_000, "kg", CapacityPeriod.Month }, { 24, "tonnes", CapacityPeriod.Year }, { 1.6m, "t", null },
        { 20_000, "pieces", null }, { 240_000, "pcs", CapacityPeriod.Year }, { 400, "pieces", CapacityPeriod.Once },
        { 2_000, "l", null }, { 350, "sqm", null }, { 50, "pallet", null }, { 1, "hours", null },
    };

    [Theory]
    [MemberData(nameof(Criteria))]
    public async Task Scorer_index_filter_composer_and_bid_coverage_agree_on_every_capacity(decimal minimum, string unit, CapacityPeriod? period)
    {
        var criterion = new Criterion { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = minimum, Unit = unit, Period = period };
        var profiles = Stated.Select((s, i) => Profile(i + 1, s.Amount, s.Unit, s.Period)).ToList();
        using var index = new LuceneSearchIndex(_folder);
        await using (var rebuild = await index.BeginRebuildAsync())
        {
            await rebuild.AddAsync(profiles.Select(p => SupplierDocuments.Build(p, Today, CapabilityVocabulary.Empty)).ToList());
            await rebuild.CompleteAsync(1);
        }

        var found = (await index.SearchAsync(RetrievalQuery.ForSuppliers([criterion], 100))).Hits.Select(h => h.EntityId).ToHashSet();
        foreach (var profile in profiles)
        {
            var facts = SupplierDocuments.Facts(profile);
            var scorer = Scorer.Score([criterion], facts, Today).Criteria[0].Met;
            var composer = ConsortiumComposer.Compose([criterion], [facts], Today).NoConsortiumNeeded.Any(s => s.OrganizationId == facts.OrganizationId);
            var coverage = ConsortiumCoverage.Evaluate([criterion], [new CoverageMember(facts, [0])], [], Today).Criteria[0].Met;
            var name = $"{profile.MonthlyCapacity} {profile.CapacityUnit} per {profile.CapacityPeriod} against {criterion.Summary()}";
            Assert.True(scorer == found.Contains(facts.OrganizationId), $"{name}: scorer {scorer}, index filter {!scorer}");
            Assert.True(scorer == composer, $"{name}: scorer {scorer}, composer {composer}");
            Assert.True(scorer == coverage, $"{name}: scorer {scorer}, consortium coverage {coverage}");
        }
    }

    [Fact]
    public async Task The_index_stores_each_capacity_per_month_in_its_base_unit()
    {
        var document = SupplierDocuments.Build(Profile(1, 12, "tonnes", CapacityPeriod.Year), Today, CapabilityVocabulary.Empty);
        Assert.Equal(1000, document.Numbers["capacityBase"]);
        Assert.Equal(["kg per month"], document.Keywords["capacityMeasure"]);
        // The figure as stated stays for display, sorting and the facets.
        Assert.Equal(12, document.Numbers["monthlyCapacity"]);
        await Task.CompletedTask;
    }

    private static CapabilityProfile Profile(int id, decimal amount, string unit, CapacityPeriod period) => new()
    {
        Id = id,
        OrganizationId = id,
        Organization = new Organization { Id = id, Key = $"s{id}", Kind = OrganizationKind.Sme, Name = $"Supplier {id}", Country = "DE" },
        Summary = "Contract manufacturing",
        Capabilities = ["assembly"],
        MonthlyCapacity = amount,
        CapacityUnit = unit,
        CapacityPeriod = period,
        Status = PublicationStatus.Published,
        UpdatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
    };

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
