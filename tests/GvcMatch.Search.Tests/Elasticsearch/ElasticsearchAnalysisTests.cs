using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GvcMatch.Matching.Understanding;
using GvcMatch.Search.Elasticsearch;

namespace GvcMatch.Search.Tests.Elasticsearch;

/// <summary>The Elasticsearch text analyser applies the same spelling rules as the scorer's own analysis, in the same place in the chain.</summary>
public class ElasticsearchAnalysisTests
{
    private static readonly JsonNode Settings = JsonNode.Parse(ElasticsearchSearchIndex.IndexMappingsJson())!["settings"]!["analysis"]!;

    [Fact]
    public void EverySpellingPrefixOfTheScorerIsAPatternFilterOfTheTextAnalyser()
    {
        var chain = Settings["analyzer"]!["text"]!["filter"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        foreach (var (american, british) in SpellingFilter.Prefixes)
        {
            var name = $"spelling_{american}";
            var filter = Settings["filter"]![name];
            Assert.True(filter is not null, $"no filter {name}");
            Assert.Equal("^" + american, filter!["pattern"]!.GetValue<string>());
            Assert.Equal(british, filter["replacement"]!.GetValue<string>());
            Assert.True(chain.IndexOf(name) > chain.IndexOf("asciifolding") && chain.IndexOf(name) < chain.IndexOf("english_stemmer"), $"{name} is out of place");
        }
        Assert.Equal(SpellingFilter.Prefixes.Count + 1, chain.Count(f => f.StartsWith("spelling_", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("anodizing", "anodising")]
    [InlineData("analyzed", "analysed")]
    [InlineData("zinc", "zinc")]
    [InlineData("brazing", "brazing")]
    public void TheIzeRuleRewritesWordsAsTheScorerDoes(string word, string expected)
    {
        var rule = Settings["filter"]!["spelling_ize"]!;
        var rewritten = Regex.Replace(word, rule["pattern"]!.GetValue<string>(), rule["replacement"]!.GetValue<string>());
        Assert.Equal(expected, rewritten);
        Assert.Equal(Words.Stems(expected), Words.Stems(word));
    }
}
