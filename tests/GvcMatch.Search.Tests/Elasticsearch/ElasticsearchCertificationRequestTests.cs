using System.Text.Json;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Tests.Certifications;

namespace GvcMatch.Search.Tests.Elasticsearch;

/// <summary>
/// The certification contract cases as the Elasticsearch provider sends them: a certification
/// criterion becomes one terms filter on the certificate tokens, and a supplier whose tokens meet
/// one of those terms is exactly a supplier the scorer says meets the criterion.
/// </summary>
public sealed class ElasticsearchCertificationRequestTests
{
    public static TheoryData<string> CaseNames() => [.. CertificationCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task ACertificationCriterionIsOneTermsFilterOnTheTokensThatMeetIt(string name)
    {
        var c = CertificationCases.All.Single(x => x.Name == name);
        var tokens = CertificationRequirement.From(c.Criterion).FilterTokens();
        var body = await ElasticsearchSearchRequestTests.SendAsync(new SearchQuery
        {
            Kind = DocumentKind.Supplier,
            Filters = [new KeywordFilter(CertificationTokens.Field, tokens)],
        });
        var filters = body.At("query", "bool", "filter").EnumerateArray()
            .Where(f => f.TryGetProperty("terms", out var t) && t.TryGetProperty("keywords." + CertificationTokens.Field, out _)).ToList();
        var terms = Assert.Single(filters).At("terms", "keywords." + CertificationTokens.Field).EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.Equal(tokens, terms);
        var held = c.Held.SelectMany(h => CertificationTokens.ForHeld(h)).ToHashSet();
        Assert.Equal(c.Met, terms.Any(held.Contains));
    }
}
