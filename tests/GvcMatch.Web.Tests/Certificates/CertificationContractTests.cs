using System.Text;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Tests.Certifications;
using GvcMatch.Search;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Import;
using GvcMatch.Web.Features.Matching;

namespace GvcMatch.Web.Tests.Certificates;

/// <summary>
/// One set of certification cases (scopes, classes, "or equivalent", evidence, unknown names) run
/// through every stage that reads a certification criterion: the scorer, the Lucene filter, the
/// Elasticsearch request, bid evaluation and the import format. Each must say met exactly when the
/// case says so.
/// </summary>
public sealed class CertificationContractTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private readonly string _folder = Directory.CreateTempSubdirectory("gvcmatch-cert-contract-").FullName;

    public static TheoryData<string> CaseNames() => [.. CertificationCases.All.Select(c => c.Name)];

    private static SupplierFacts Facts(CertificationCases.Case c, int id) =>
        new() { OrganizationId = id, Name = $"Supplier {id}", Country = "DE", Certifications = c.Held };

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TheScorerMeetsTheCriterionExactlyWhenTheCaseSaysSo(string name)
    {
        var c = CertificationCases.All.Single(x => x.Name == name);
        Assert.Equal(c.Met, Scorer.Score([c.Criterion], Facts(c, 1), Today).Criteria[0].Met);
    }

    [Fact]
    public async Task TheLuceneFilterLetsThroughExactlyTheSuppliersThatMeetEachCase()
    {
        using var index = new LuceneSearchIndex(_folder);
        var cases = CertificationCases.All;
        var documents = cases.Select((c, i) => new SearchDocument
        {
            Kind = DocumentKind.Supplier, EntityId = i + 1, Title = c.Name,
            Keywords = new Dictionary<string, IReadOnlyList<string>>
            {
                [CertificationTokens.Field] = c.Held.SelectMany(h => CertificationTokens.ForHeld(h)).Distinct().ToList(),
            },
        }).ToList();
        await index.ApplyAsync(documents.Select(d => new IndexChange(d.Kind, d.EntityId, d)).ToList(), 1);

        for (var i = 0; i < cases.Count; i++)
        {
            var result = await index.SearchAsync(RetrievalQuery.ForSuppliers([cases[i].Criterion], 100));
            var found = result.Hits.Select(h => h.EntityId).ToHashSet();
            Assert.True(cases[i].Met == found.Contains(i + 1), $"{cases[i].Name}: Lucene says {!cases[i].Met}");
            // And it agrees with the scorer on every other case's supplier too.
            for (var j = 0; j < cases.Count; j++)
            {
                var scored = Scorer.Score([cases[i].Criterion], Facts(cases[j], j + 1), Today).Criteria[0].Met;
                Assert.True(scored == found.Contains(j + 1), $"criterion of '{cases[i].Name}' on supplier of '{cases[j].Name}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void RetrievalAsksTheIndexForTheCriterionsTokens(string name)
    {
        // The Elasticsearch request for this filter is checked case by case in the search tests
        // (ElasticsearchCertificationRequestTests); here: matching builds exactly that filter.
        var c = CertificationCases.All.Single(x => x.Name == name);
        var filter = Assert.Single(RetrievalQuery.ForSuppliers([c.Criterion], 100).Filters);
        Assert.Equal(CertificationTokens.Field, filter.Field);
        Assert.False(filter.MatchAll);
        Assert.Equal(CertificationRequirement.From(c.Criterion).FilterTokens(), filter.Values);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void BidEvaluationScoresTheCriterionAsTheScorerDoes(string name)
    {
        var c = CertificationCases.All.Single(x => x.Name == name);
        var bid = new Bid { PartyKey = "org:1", CreatedByUserId = "u" };
        var scores = BidScoring.ForSingleBidder([c.Criterion], bid, Facts(c, 1), Today, GvcMatch.Matching.Understanding.MatchContext.Lexical);
        Assert.Equal(c.Met, BidScoring.MandatoryMet(c.Criterion, Assert.Single(scores).Score));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TheImportFormatCarriesTheCriterionUnchanged(string name)
    {
        var c = CertificationCases.All.Single(x => x.Name == name);
        var criterion = JsonSerializer.Serialize(c.Criterion, SeedFileReader.Options);
        var json = $$"""{ "requirements": [ { "key": "r-1", "organization": "mne", "title": "Parts", "criteria": [ {{criterion}} ] } ] }""";
        var file = SeedFileReader.Read("contract.json", Encoding.UTF8.GetBytes(json));
        Assert.Empty(file.Errors);
        var read = Assert.Single(Assert.Single(file.Requirements).Value.Criteria!);
        Assert.Empty(CriteriaValidator.Validate([read], new Features.ReferenceData.ReferenceData(new Dictionary<string, IReadOnlyList<Features.ReferenceData.CodeName>>())));
        Assert.Equal(c.Met, Scorer.Score([read], Facts(c, 1), Today).Criteria[0].Met);
    }

    public void Dispose() => Infrastructure.GvcMatchApp.DeleteFolder(_folder);
}
