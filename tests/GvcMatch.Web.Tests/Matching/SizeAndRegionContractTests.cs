using System.Text;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Matching.Composition;
using GvcMatch.Matching.Understanding;
using GvcMatch.Search;
using GvcMatch.Search.Elasticsearch;
using GvcMatch.Search.Lucene;
using GvcMatch.Search.Tests.Elasticsearch;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Import;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.ReferenceData;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Tests.Import;

namespace GvcMatch.Web.Tests.Matching;

/// <summary>
/// Company size by employee count (and by band), location by region, and export experience from
/// where a supplier is based mean the same in every stage: the same criteria over the same suppliers
/// run through the scorer, the Lucene filter matching builds (a real index of the app's own supplier
/// documents), the Elasticsearch request the provider sends (its filters evaluated on the same
/// documents), bid evaluation, the composer, the coverage rule of consortium bids and the import
/// format. Each stage must say met exactly when the scorer does; a disagreement names the case.
/// </summary>
public sealed class SizeAndRegionContractTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private readonly string _folder = Directory.CreateTempSubdirectory("gvcmatch-size-region-").FullName;

    /// <summary>(country, stored band, employee count, export markets): counted and uncounted, every band, in and out of regions.</summary>
    private static readonly (string Country, SizeBand Band, int? Employees, string[] Exports)[] Suppliers =
    [
        ("ES", SizeBand.Small, null, []),
        ("DE", SizeBand.Small, 120, ["US"]),
        ("BR", SizeBand.Medium, null, ["FR"]),
        ("PL", SizeBand.Large, null, []),
        ("JP", SizeBand.Micro, 8, ["DE", "BR"]),
        ("NO", SizeBand.Large, 300, ["ES"]),
        ("US", SizeBand.Micro, null, ["MX"]),
        ("AR", SizeBand.Medium, 50, []),
        ("CH", SizeBand.Medium, 249, ["SG"]),
    ];

    private static Criterion Size(int? min, int? max) => new() { Kind = CriterionKind.CompanySize, Mandatory = true, MinEmployees = min, MaxEmployees = max };
    private static Criterion Location(string[] countries, params string[] regions) =>
        new() { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = countries.Length > 0 ? countries : null, Regions = regions };
    private static Criterion Export(string[] countries, params string[] regions) =>
        new() { Kind = CriterionKind.ExportExperience, Mandatory = true, Countries = countries.Length > 0 ? countries : null, Regions = regions.Length > 0 ? regions : null };

    private static readonly Criterion[] Cases =
    [
        Size(50, null), Size(null, 49), Size(20, 100), Size(250, null), Size(10, 300), Size(null, 9), Size(0, CompanySizes.MaxEmployees),
        Size(50, 249), Size(249, 249),
        new() { Kind = CriterionKind.CompanySize, Mandatory = true, SizeBands = ["Medium"] },
        new() { Kind = CriterionKind.CompanySize, Mandatory = true, SizeBands = ["Small", "Micro"] },
        Location([], "EU"), Location([], "EEA"), Location(["CH"], "Mercosur"), Location([], "USMCA"), Location(["JP"], "ASEAN", "GCC"),
        Export(["ES"]), Export([], "EU"), Export([], "Mercosur"), Export(["US", "MX"]), Export(["JP"], "EU"), Export([], "ASEAN"),
        Export([]),
    ];

    private static readonly Criterion Work = new() { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = ["assembly"] };

    public static TheoryData<int> CaseNumbers() => [.. Enumerable.Range(0, Cases.Length)];

    private static List<CapabilityProfile> Profiles() => Suppliers.Select((s, i) => new CapabilityProfile
    {
        Id = i + 1,
        OrganizationId = i + 1,
        Organization = new Organization { Id = i + 1, Key = $"s{i + 1}", Kind = OrganizationKind.Sme, Name = $"Supplier {i + 1}", Country = s.Country, SizeBand = s.Band },
        Summary = "Contract manufacturing",
        Capabilities = ["assembly"],
        EmployeeCount = s.Employees,
        ExportMarkets = [.. s.Exports],
        Status = PublicationStatus.Published,
        UpdatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
    }).ToList();

    private static string Name(Criterion c, CapabilityProfile p) =>
        $"{c.Summary()} on a supplier in {p.Organization.Country}, {p.Organization.SizeBand}, {p.EmployeeCount?.ToString() ?? "no"} employees, exporting to [{string.Join(", ", p.ExportMarkets)}]";

    [Fact]
    public async Task ScorerLuceneElasticsearchBidsComposerAndCoverageAgreeOnEveryCase()
    {
        var profiles = Profiles();
        var documents = profiles.Select(p => SupplierDocuments.Build(p, Today, CapabilityVocabulary.Empty)).ToList();
        using var index = new LuceneSearchIndex(_folder);
        await using (var rebuild = await index.BeginRebuildAsync())
        {
            await rebuild.AddAsync(documents);
            await rebuild.CompleteAsync(1);
        }

        var metSomewhere = 0;
        foreach (var criterion in Cases)
        {
            var query = RetrievalQuery.ForSuppliers([criterion], 100);
            var lucene = (await index.SearchAsync(query)).Hits.Select(h => h.EntityId).ToHashSet();
            var elastic = await ElasticsearchFiltersAsync(query);
            foreach (var (profile, document) in profiles.Zip(documents))
            {
                var facts = SupplierDocuments.Facts(profile);
                var name = Name(criterion, profile);
                var scorer = Scorer.Score([criterion], facts, Today).Criteria[0].Met;
                metSomewhere += scorer ? 1 : 0;
                Assert.True(scorer == lucene.Contains(facts.OrganizationId), $"{name}: scorer {scorer}, Lucene filter {!scorer}");
                Assert.True(scorer == elastic(document), $"{name}: scorer {scorer}, Elasticsearch filters {!scorer}");

                var bid = new Bid { PartyKey = $"org:{facts.OrganizationId}", CreatedByUserId = "u" };
                var scored = Assert.Single(BidScoring.ForSingleBidder([criterion], bid, facts, Today, MatchContext.Lexical));
                Assert.True(scorer == BidScoring.MandatoryMet(criterion, scored.Score), $"{name}: scorer {scorer}, bid evaluation {!scorer}");

                // The composer needs a piece of work to propose anyone for; every supplier does this one.
                Assert.True(Scorer.Score([Work], facts, Today).Criteria[0].Met);
                var composer = ConsortiumComposer.Compose([Work, criterion], [facts], Today).NoConsortiumNeeded.Any(s => s.OrganizationId == facts.OrganizationId);
                Assert.True(scorer == composer, $"{name}: scorer {scorer}, composer {composer}");
                var coverage = ConsortiumCoverage.Evaluate([criterion], [new CoverageMember(facts, [0])], [], Today).Criteria[0].Met;
                Assert.True(scorer == coverage, $"{name}: scorer {scorer}, consortium coverage {coverage}");
            }
        }
        // The cases are not trivially all-met or all-unmet.
        Assert.InRange(metSomewhere, Cases.Length, Cases.Length * Suppliers.Length - Cases.Length);
    }

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void TheImportFormatCarriesTheCriterionUnchanged(int number)
    {
        var criterion = Cases[number];
        var json = $$"""{ "requirements": [ { "key": "r-1", "organization": "mne", "title": "Parts", "criteria": [ {{JsonSerializer.Serialize(criterion, SeedFileReader.Options)}} ] } ] }""";
        var file = SeedFileReader.Read("contract.json", Encoding.UTF8.GetBytes(json));
        Assert.Empty(file.Errors);
        var read = Assert.Single(Assert.Single(file.Requirements).Value.Criteria!);
        Assert.Empty(CriteriaValidator.Validate([read], ReferenceData.Load(RepoPaths.Seeds)));
        Assert.Equal(criterion.Summary(), read.Summary());
        foreach (var profile in Profiles())
        {
            var facts = SupplierDocuments.Facts(profile);
            Assert.True(Scorer.Score([criterion], facts, Today).Criteria[0].Met == Scorer.Score([read], facts, Today).Criteria[0].Met, Name(criterion, profile));
        }
    }

    [Fact]
    public void ExplanationsSayWhereTheSupplierIsBasedAndThroughWhichRegion()
    {
        var spain = SupplierDocuments.Facts(Profiles()[0]);
        Assert.Equal("based in ES (EU)", Scorer.Score([Location([], "EU")], spain, Today).Criteria[0].Evidence);
        Assert.Equal("based in ES", Scorer.Score([Export(["ES"])], spain, Today).Criteria[0].Evidence);
        var germany = SupplierDocuments.Facts(Profiles()[1]);
        Assert.Equal("Medium", germany.SizeBand);
        Assert.Equal("120 employees", Scorer.Score([Size(50, null)], germany, Today).Criteria[0].Evidence);
    }

    /// <summary>
    /// The filters of the search request the Elasticsearch provider sends for <paramref name="query"/>,
    /// as a test on a document: every filter must hold (terms: any value; range: inclusive bounds).
    /// </summary>
    internal static async Task<Func<SearchDocument, bool>> ElasticsearchFiltersAsync(SearchQuery query)
    {
        var es = new CannedElasticsearch().WithExistingIndex().On("POST /gvcmatch/_search",
            """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""");
        await new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options).SearchAsync(query);
        var filter = es.Single("POST", "/gvcmatch/_search").Json.At("query", "bool", "filter");
        // The client writes a list of one filter as that filter alone.
        var filters = filter.ValueKind == JsonValueKind.Array ? filter.EnumerateArray().Select(f => f.Clone()).ToList() : [filter.Clone()];
        return document => filters.All(f => Holds(f, document));
    }

    private static bool Holds(JsonElement filter, SearchDocument d)
    {
        if (filter.TryGetProperty("term", out var term))
        {
            var field = term.EnumerateObject().Single();
            var value = field.Value.ValueKind == JsonValueKind.Object ? field.Value.GetProperty("value") : field.Value;
            return field.Name == "kind" ? value.GetString() == d.Kind.ToString() : Keywords(d, field.Name).Contains(value.GetString()!);
        }
        if (filter.TryGetProperty("terms", out var terms))
        {
            var field = terms.EnumerateObject().Single();
            return field.Value.EnumerateArray().Any(v => Keywords(d, field.Name).Contains(v.GetString()!));
        }
        if (filter.TryGetProperty("range", out var range))
        {
            var field = range.EnumerateObject().Single();
            if (!d.Numbers.TryGetValue(field.Name["numbers.".Length..], out var number)) return false;
            var bounds = field.Value;
            return (!bounds.TryGetProperty("gte", out var gte) || number >= gte.GetDouble()) && (!bounds.TryGetProperty("lte", out var lte) || number <= lte.GetDouble());
        }
        throw new InvalidOperationException($"A filter this contract does not know: {filter}");
    }

    private static IReadOnlyList<string> Keywords(SearchDocument d, string field) =>
        d.Keywords.GetValueOrDefault(field["keywords.".Length..]) ?? [];

    public void Dispose() => Infrastructure.GvcMatchApp.DeleteFolder(_folder);
}
