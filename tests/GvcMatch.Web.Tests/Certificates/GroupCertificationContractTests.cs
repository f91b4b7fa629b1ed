using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Understanding;
using GvcMatch.Search;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Tests.Matching;

namespace GvcMatch.Web.Tests.Certificates;

/// <summary>
/// A certificate held through a cluster's group certificate means the same in every stage: the
/// supplier document built with it, the scorer on the payload read back, the Lucene filter, the
/// filters of the Elasticsearch request (evaluated on the same document) and bid evaluation each say
/// met exactly when the case says so, and the explanation names the cluster.
/// </summary>
public sealed class GroupCertificationContractTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private readonly string _folder = Directory.CreateTempSubdirectory("gvcmatch-group-contract-").FullName;

    private static Criterion C(string? standard = null, AcceptedStandard[]? anyOf = null, EvidenceLevel? evidence = null) =>
        new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = standard, AnyOf = anyOf, MinimumEvidence = evidence };

    private static HeldCertificate Group(string standard, bool verified = false, int days = 200) =>
        new(standard, Today.AddDays(days), verified) { GroupOf = "Moravia Engineering Cluster" };

    private sealed record Case(string Name, Criterion Criterion, HeldCertificate Held, bool Met);

    private static readonly Case[] Cases =
    [
        new("the standard through the group", C("ISO 13485"), Group("ISO 13485"), true),
        new("another standard through the group", C("ISO 14001"), Group("ISO 13485"), false),
        new("a version spelling in the criterion", C("ISO 9001:2015"), Group("ISO 9001"), true),
        new("or equivalent, the second through the group", C(anyOf: [new("FSSC 22000"), new("IFS Food")]), Group("IFS Food"), true),
        new("a verified group certificate where verification is asked", C("ISO 13485", evidence: EvidenceLevel.VerifiedByIntermediary), Group("ISO 13485", verified: true), true),
        new("an unverified group certificate where verification is asked", C("ISO 13485", evidence: EvidenceLevel.DocumentChecked), Group("ISO 13485"), false),
        new("a lapsed group certificate", C("ISO 13485"), Group("ISO 13485", days: -1), false),
    ];

    private static CapabilityProfile Profile(int id) => new()
    {
        Id = id,
        OrganizationId = id,
        Organization = new Organization { Id = id, Key = $"g{id}", Kind = OrganizationKind.Sme, Name = $"Supplier {id}", Country = "CZ" },
        Summary = "Precision machining",
        Capabilities = ["cnc milling"],
        Status = PublicationStatus.Published,
        UpdatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task DocumentPayloadLuceneElasticsearchAndBidsAgreeOnEveryGroupCase()
    {
        var profiles = Cases.Select((_, i) => Profile(i + 1)).ToList();
        var documents = Cases.Select((c, i) => SupplierDocuments.Build(profiles[i], Today, CapabilityVocabulary.Empty, [c.Held])).ToList();
        using var index = new LuceneSearchIndex(_folder);
        await using (var rebuild = await index.BeginRebuildAsync())
        {
            await rebuild.AddAsync(documents);
            await rebuild.CompleteAsync(1);
        }

        for (var i = 0; i < Cases.Length; i++)
        {
            var c = Cases[i];
            var query = RetrievalQuery.ForSuppliers([c.Criterion], 100);
            var lucene = (await index.SearchAsync(query)).Hits.Select(h => h.EntityId).ToHashSet();
            var elastic = await SizeAndRegionContractTests.ElasticsearchFiltersAsync(query);
            for (var j = 0; j < Cases.Length; j++)
            {
                // The payload the index stores, read back as matching reads it, keeps the group certificate.
                var facts = FactsOf(documents[j]);
                Assert.Equal("Moravia Engineering Cluster", Assert.Single(facts.Certifications).GroupOf);
                var name = $"criterion of '{c.Name}' on the supplier of '{Cases[j].Name}'";
                var line = Scorer.Score([c.Criterion], facts, Today).Criteria[0];
                var expected = i == j ? c.Met : Scorer.Score([c.Criterion], facts with { Certifications = [Cases[j].Held] }, Today).Criteria[0].Met;
                Assert.True(line.Met == expected, $"{name}: expected {expected}, scorer on the payload {line.Met}");
                Assert.True(line.Met == lucene.Contains(j + 1), $"{name}: scorer {line.Met}, Lucene filter {!line.Met}");
                Assert.True(line.Met == elastic(documents[j]), $"{name}: scorer {line.Met}, Elasticsearch filters {!line.Met}");
                var bid = new Bid { PartyKey = $"org:{j + 1}", CreatedByUserId = "u" };
                var scored = Assert.Single(BidScoring.ForSingleBidder([c.Criterion], bid, facts, Today, MatchContext.Lexical));
                Assert.True(line.Met == BidScoring.MandatoryMet(c.Criterion, scored.Score), $"{name}: scorer {line.Met}, bid evaluation {!line.Met}");
                if (line.Met) Assert.Contains("through the group certificate of Moravia Engineering Cluster", line.Evidence);
            }
        }
    }

    [Fact]
    public void TheCertificationFacetListsAGroupHeldStandardOnlyWhileItIsValid()
    {
        var valid = SupplierDocuments.Build(Profile(1), Today, CapabilityVocabulary.Empty, [Group("ISO 13485")]);
        var lapsed = SupplierDocuments.Build(Profile(2), Today, CapabilityVocabulary.Empty, [Group("ISO 13485", days: -1)]);
        Assert.Contains("ISO 13485", valid.Keywords["certification"]);
        Assert.DoesNotContain("ISO 13485", lapsed.Keywords["certification"]);
    }

    private static SupplierFacts FactsOf(SearchDocument d) =>
        SupplierDocuments.FactsOf(new SearchHit(DocumentKind.Supplier, d.EntityId, 1, d.Title, d.Payload, []))!;

    public void Dispose() => Infrastructure.GvcMatchApp.DeleteFolder(_folder);
}
