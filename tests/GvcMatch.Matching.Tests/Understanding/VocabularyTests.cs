using GvcMatch.Matching.Understanding;

namespace GvcMatch.Matching.Tests.Understanding;

public class VocabularyTests
{
    private static readonly CapabilityVocabulary V = TestVocabulary.Shared;

    private static List<string> Ids(string text) => V.Tag(text).Select(m => m.ConceptId).ToList();

    [Fact]
    public void TaggingFindsTheLongestLabelAsWholeWords()
    {
        Assert.Equal(["powder-coating", "cnc-milling"], Ids("Electrostatic powder painting and CNC milling of brackets"));
        var mention = V.Tag("We offer electrostatic powder painting.")[0];
        Assert.Equal("electrostatic powder painting", mention.Surface);
        Assert.Equal("en", mention.Language);
    }

    [Fact]
    public void TaggingNeverMatchesInsideAnotherWord()
    {
        Assert.Empty(Ids("broadcast studio, cutting boards, trust fund"));
        Assert.Equal(["tin"], Ids("tin plating"));
    }

    [Fact]
    public void AListSeparatorEndsAPhrase()
    {
        // "powder, coating services" is a list of two things, not powder coating.
        Assert.DoesNotContain("powder-coating", Ids("powder, coating services"));
        Assert.Contains("coating", Ids("powder, coating services"));
    }

    [Fact]
    public void JapaneseLabelsMatchInTextWithoutSpaces()
    {
        Assert.Equal(["sheet-metal", "powder-coating"], V.Tag("当社は精密板金加工と静電粉体塗装を一貫して行います。").Select(m => m.ConceptId).ToList());
        Assert.Equal("板金加工", V.Tag("板金加工")[0].Surface);
        // Full-width letters fold to the label's half-width ones.
        Assert.Contains("cnc-milling", Ids("ＣＮＣフライス加工"));
    }

    [Fact]
    public void SpanishLabelsMatchWithOrWithoutAccents()
    {
        Assert.Equal(["cnc-milling", "die-casting"], Ids("Fresado CNC y fundición a presión de aluminio"));
        Assert.Equal(["laser-cutting"], Ids("corte por laser"));
    }

    [Fact]
    public void SpellingsAndEndingsAreOneWord()
    {
        Assert.Equal(["anodising"], Ids("Anodized parts"));
        Assert.Equal(Words.Stems("aluminum moldings"), Words.Stems("aluminium mouldings"));
        Assert.Equal(Words.Stems("analyzing"), Words.Stems("analysing"));
    }

    [Fact]
    public void BroaderAndNarrowerLinksAreTransitive()
    {
        Assert.Equal(["cnc-milling", "machining", "milling"], V.AncestorsOf("five-axis-milling").Order());
        Assert.Contains("five-axis-milling", V.DescendantsOf("machining"));
        Assert.Empty(V.AncestorsOf("unknown"));
    }

    [Fact]
    public void SuggestionsStartWithWhatWasTypedInTheUsersLanguage()
    {
        var es = V.Suggest("fres", "es", 5);
        Assert.Equal(["fresado", "fresado CNC", "fresado en 5 ejes"], es.Select(s => s.Label).Order().ToList());
        var ja = V.Suggest("粉体", "ja", 5);
        Assert.Equal("powder-coating", Assert.Single(ja).Concept.Id);
        Assert.Equal("粉体塗装", ja[0].Label);
    }

    [Theory]
    [InlineData("""{ "sector": "x", "concepts": [ { "id": "a", "kind": "process", "broader": ["nowhere"], "labels": { "en": ["a"] } } ] }""", "unknown broader concept 'nowhere'")]
    [InlineData("""{ "sector": "x", "concepts": [ { "id": "a", "kind": "process", "labels": { "es": ["a"] } } ] }""", "has no English label")]
    [InlineData("""{ "sector": "x", "concepts": [ { "id": "a", "kind": "process", "broader": ["b"], "labels": { "en": ["a"] } }, { "id": "b", "kind": "process", "broader": ["a"], "labels": { "en": ["b"] } } ] }""", "cycle")]
    [InlineData("""{ "sector": "x", "concepts": [ { "id": "a", "kind": "process", "labels": { "en": ["a"] } }, { "id": "a", "kind": "process", "labels": { "en": ["b"] } } ] }""", "already defined")]
    [InlineData("""{ "sector": "x", "concepts": [ { "id": "a", "kind": "process", "labelz": { "en": ["a"] } } ] }""", "x.json")]
    public void ABrokenVocabularyFileFailsWithItsNameAndTheProblem(string json, string expected)
    {
        var e = Assert.Throws<VocabularyException>(() => CapabilityVocabulary.FromJson([("x.json", json)]));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("x.json", e.Message);
    }

    [Fact]
    public void TheVersionChangesWithTheContent()
    {
        var other = CapabilityVocabulary.FromJson([("metalworking.json", TestVocabulary.Json.Replace("HPDC", "high-pressure die casting"))]);
        Assert.NotEqual(V.Version, other.Version);
        Assert.Equal(V.Version, TestVocabulary.Load().Version);
    }
}
