using System.Text;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Composition;
using GvcMatch.Matching.Disclosures;
using GvcMatch.Matching.Understanding;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Disclosures;
using GvcMatch.Web.Features.GapPlans;
using GvcMatch.Web.Features.Import;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.ReferenceData;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Tests.Import;

namespace GvcMatch.Web.Tests.Matching;

/// <summary>
/// A disclosure criterion means the same in every stage: the scorer, the Lucene filter matching
/// builds over the app's own supplier documents, the Elasticsearch request's filters on the same
/// documents, bid evaluation, the composer, consortium coverage, the gap plan and the import format.
/// </summary>
public sealed class DisclosureContractTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private readonly string _folder = Directory.CreateTempSubdirectory("gvcmatch-disclosure-").FullName;

    private static Disclosure Carbon(int year, decimal scope1, decimal scope2, EvidenceLevel evidence = EvidenceLevel.SelfDeclared, bool document = false) =>
        new() { Topic = DisclosureTopic.CarbonFootprint, Year = year, Scope1 = scope1, Scope2 = scope2, Method = "GHG Protocol", Evidence = evidence, DocumentKey = document ? "k" : null };
    private static Disclosure Energy(int year, decimal share, EvidenceLevel evidence = EvidenceLevel.SelfDeclared) =>
        new() { Topic = DisclosureTopic.Energy, Year = year, EnergyMwh = 1000, RenewableSharePercent = share, Evidence = evidence };
    private static Disclosure Audit(int year, string scheme, decimal? score, EvidenceLevel evidence = EvidenceLevel.SelfDeclared) =>
        new() { Topic = DisclosureTopic.Audit, Year = year, Scheme = scheme, Score = score, Evidence = evidence };
    private static Disclosure Policy(int year, bool has) => new() { Topic = DisclosureTopic.LabourPolicy, Year = year, HasPolicy = has };
    private static Disclosure Water(int year, decimal m3, EvidenceLevel evidence = EvidenceLevel.SelfDeclared) =>
        new() { Topic = DisclosureTopic.Water, Year = year, WaterCubicMetres = m3, Evidence = evidence };

    /// <summary>No disclosures; several years and levels; a policy that says "none"; audits with and without a score.</summary>
    private static readonly Disclosure[][] Suppliers =
    [
        [],
        [Carbon(2025, 300, 100, document: true), Energy(2025, 65)],
        [Carbon(2024, 100, 50, EvidenceLevel.VerifiedByIntermediary), Carbon(2025, 600, 200), Energy(2024, 20, EvidenceLevel.DocumentChecked), Energy(2025, 80)],
        [Policy(2025, false), Audit(2025, "SMETA", null, EvidenceLevel.VerifiedByIntermediary)],
        [Policy(2024, true), Audit(2025, "EcoVadis", 62, EvidenceLevel.DocumentChecked), Audit(2025, "SMETA", null), Water(2025, 12_000)],
        [Energy(2026, 100, EvidenceLevel.VerifiedByIssuer), Water(2023, 800, EvidenceLevel.VerifiedByIntermediary), Water(2025, 3_000)],
    ];

    private static Criterion Disclosed(DisclosureTopic topic, EvidenceLevel? evidence = null, decimal? minimum = null, decimal? maximum = null) =>
        new() { Kind = CriterionKind.DisclosureProvided, Mandatory = true, Topic = topic, MinimumEvidence = evidence, Minimum = minimum, Maximum = maximum };

    private static readonly Criterion[] Cases =
    [
        Disclosed(DisclosureTopic.CarbonFootprint), Disclosed(DisclosureTopic.CarbonFootprint, maximum: 400), Disclosed(DisclosureTopic.CarbonFootprint, maximum: 150),
        Disclosed(DisclosureTopic.CarbonFootprint, EvidenceLevel.VerifiedByIntermediary, maximum: 150), Disclosed(DisclosureTopic.CarbonFootprint, EvidenceLevel.DocumentChecked),
        Disclosed(DisclosureTopic.Energy), Disclosed(DisclosureTopic.Energy, minimum: 65), Disclosed(DisclosureTopic.Energy, minimum: 66),
        Disclosed(DisclosureTopic.Energy, EvidenceLevel.DocumentChecked, minimum: 50), Disclosed(DisclosureTopic.Energy, EvidenceLevel.DocumentChecked, minimum: 10),
        Disclosed(DisclosureTopic.Water, maximum: 5_000), Disclosed(DisclosureTopic.Water, EvidenceLevel.VerifiedByIntermediary, maximum: 1_000),
        Disclosed(DisclosureTopic.LabourPolicy), Disclosed(DisclosureTopic.ConflictMinerals),
        Disclosed(DisclosureTopic.Audit), Disclosed(DisclosureTopic.Audit, minimum: 60), Disclosed(DisclosureTopic.Audit, EvidenceLevel.VerifiedByIntermediary),
        Disclosed(DisclosureTopic.Audit, EvidenceLevel.VerifiedByIntermediary, minimum: 1),
    ];

    private static readonly Criterion Work = new() { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = ["assembly"] };

    public static TheoryData<int> CaseNumbers() => [.. Enumerable.Range(0, Cases.Length)];

    private static List<CapabilityProfile> Profiles() => Suppliers.Select((s, i) => new CapabilityProfile
    {
        Id = i + 1,
        OrganizationId = i + 1,
        Organization = new Organization
        {
            Id = i + 1, Key = $"s{i + 1}", Kind = OrganizationKind.Sme, Name = $"Supplier {i + 1}", Country = "DE",
            Disclosures = [.. s.Select(d => { d.OrganizationId = i + 1; return d; })],
        },
        Summary = "Contract manufacturing",
        Capabilities = ["assembly"],
        Status = PublicationStatus.Published,
        UpdatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
    }).ToList();

    private static string Name(Criterion c, CapabilityProfile p) => $"{c.Summary()} on supplier {p.OrganizationId}";

    [Fact]
    public async Task ScorerLuceneElasticsearchBidsComposerCoverageAndGapPlansAgreeOnEveryCase()
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
            var elastic = await SizeAndRegionContractTests.ElasticsearchFiltersAsync(query);
            foreach (var (profile, document) in profiles.Zip(documents))
            {
                var facts = SupplierDocuments.Facts(profile);
                var name = Name(criterion, profile);
                var scorer = Scorer.Score([criterion], facts, Today).Criteria[0].Met;
                metSomewhere += scorer ? 1 : 0;
                Assert.True(scorer == lucene.Contains(facts.OrganizationId), $"{name}: scorer {scorer}, Lucene filter {!scorer}");
                Assert.True(scorer == elastic(document), $"{name}: scorer {scorer}, Elasticsearch filters {!scorer}");
                // The payload the index carries gives the scorer the same facts.
                var payload = SupplierDocuments.FactsOf(new GvcMatch.Search.SearchHit(GvcMatch.Search.DocumentKind.Supplier, facts.OrganizationId, 1, "", Encoding.UTF8.GetBytes(document.Payload!), []))!;
                Assert.True(scorer == Scorer.Score([criterion], payload, Today).Criteria[0].Met, $"{name}: scorer {scorer}, payload {!scorer}");

                var bid = new Bid { PartyKey = $"org:{facts.OrganizationId}", CreatedByUserId = "u" };
                var scored = Assert.Single(BidScoring.ForSingleBidder([criterion], bid, facts, Today, MatchContext.Lexical));
                Assert.True(scorer == BidScoring.MandatoryMet(criterion, scored.Score), $"{name}: scorer {scorer}, bid evaluation {!scorer}");

                var composer = ConsortiumComposer.Compose([Work, criterion], [facts], Today).NoConsortiumNeeded.Any(s => s.OrganizationId == facts.OrganizationId);
                Assert.True(scorer == composer, $"{name}: scorer {scorer}, composer {composer}");
                var coverage = ConsortiumCoverage.Evaluate([criterion], [new CoverageMember(facts, [0])], [], Today).Criteria[0].Met;
                Assert.True(scorer == coverage, $"{name}: scorer {scorer}, consortium coverage {coverage}");

                // A gap plan closes the gap: with the disclosure it proposes, the supplier meets the criterion.
                if (!scorer)
                {
                    var (change, closed) = GapAnalysis.Close(criterion, facts, Today);
                    Assert.Equal("disclosure", change.Kind);
                    Assert.True(closed is not null && Scorer.Score([criterion], closed, Today).Criteria[0].Met, $"{name}: the gap plan does not close it");
                }
            }
        }
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

    public void Dispose() => Infrastructure.GvcMatchApp.DeleteFolder(_folder);
}
