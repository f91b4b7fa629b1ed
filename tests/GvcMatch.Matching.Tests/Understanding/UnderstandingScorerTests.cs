using GvcMatch.Matching.Understanding;

namespace GvcMatch.Matching.Tests.Understanding;

/// <summary>The scorer with a vocabulary: other words, other languages and stuffed tag lists, each case a person would judge at a glance.</summary>
public class UnderstandingScorerTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static SupplierFacts Supplier(string summary, string[] capabilities, string[]? isic = null, string[]? equipment = null) => new()
    {
        OrganizationId = 1, Name = "S", Country = "JP", Summary = summary, Capabilities = capabilities,
        Equipment = equipment ?? [], IsicCodes = isic ?? [],
    };

    private static CriterionScore Fit(SupplierFacts s, bool mandatory, params string[] keywords) =>
        Scorer.Score([new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = mandatory, Weight = mandatory ? null : 100, Keywords = keywords }],
            ProfileReading.Read(s, TestVocabulary.Shared), Today, TestVocabulary.Context).Criteria[0];

    [Fact]
    public void AParaphraseEarnsFullCreditAndSaysWhichPairMatched()
    {
        var s = Supplier("Job shop finishing steel cabinets.", ["electrostatic powder painting"], isic: ["2592"]);
        var line = Fit(s, mandatory: true, "powder coating");
        Assert.True(line.Met);
        Assert.Equal(1, line.Score);
        Assert.Equal("'electrostatic powder painting' = powder coating (vocabulary)", line.Evidence);
    }

    [Fact]
    public void AJapaneseProfileMeetsAnEnglishKeyword()
    {
        var s = Supplier("精密板金加工と粉体塗装の町工場です。", []);
        var line = Fit(s, mandatory: true, "sheet metal working", "powder coating");
        Assert.True(line.Met);
        Assert.Equal(1, line.Score);
        Assert.Equal("「板金加工」 = sheet metal working (vocabulary); 「粉体塗装」 = powder coating (vocabulary)", line.Evidence);
    }

    [Fact]
    public void ASpanishProfileMeetsAnEnglishKeyword()
    {
        var s = Supplier("Taller de fresado CNC y fundición a presión en Monterrey.", []);
        var line = Fit(s, mandatory: false, "CNC milling", "die casting");
        Assert.Equal(1, line.Score);
        Assert.Contains("'fresado CNC' = CNC milling (vocabulary)", line.Evidence);
    }

    [Fact]
    public void SomeOfTheWordsNeverMeetAMandatoryCapability()
    {
        // "machines" shares a stem with "machining", but a shop that only owns machines is no CNC machining shop.
        var s = Supplier("We sell used machines and spare parts.", ["machine trading"]);
        var line = Fit(s, mandatory: true, "CNC milling");
        Assert.False(line.Met);
        Assert.True(line.Score < 0.5);
    }

    [Fact]
    public void AWordInsideAnotherWordIsNotFound()
    {
        var s = Supplier("Broadcast equipment and cutting tools.", ["broadcasting"]);
        var line = Fit(s, mandatory: false, "casting", "tin");
        Assert.Equal(0, line.Score);
        Assert.Equal("missing casting, tin", line.Evidence);
    }

    [Fact]
    public void ANarrowerProcessCountsInFullAndABroaderOneInPart()
    {
        var specialist = Fit(Supplier("", ["5-axis milling"], isic: ["2592"]), mandatory: true, "CNC milling");
        Assert.True(specialist.Met);
        Assert.Equal("'5-axis milling' is a kind of CNC milling", specialist.Evidence);

        var generalist = Fit(Supplier("", ["machining"], isic: ["2592"]), mandatory: true, "CNC milling");
        Assert.False(generalist.Met);
        Assert.InRange(generalist.Score, 0.3, 0.4);
        Assert.Contains("'machining' is broader than CNC milling", generalist.Evidence);
    }

    [Fact]
    public void ATagNothingElseBacksCountsLessThanASpecialists()
    {
        var specialist = Supplier("Powder coating line for steel and aluminium parts.", ["powder coating"]);
        var stuffer = Supplier("General trading company.", ["powder coating", "die casting", "laser cutting", "CNC milling", "anodising", "turning"]);
        var real = Fit(specialist, mandatory: false, "powder coating");
        var stuffed = Fit(stuffer, mandatory: false, "powder coating");
        Assert.Equal(1, real.Score);
        Assert.Equal(CapabilityReader.Stuffed, stuffed.Score);
        Assert.Contains("(listed only as a tag)", stuffed.Evidence);
        // Still offered: a mandatory criterion is about whether, not how well backed.
        Assert.True(Fit(stuffer, mandatory: true, "powder coating").Met);
    }

    [Fact]
    public void AStrayTagInAnOtherwiseBackedProfileCountsHalf()
    {
        var s = Supplier("CNC milling and turning of aluminium housings.", ["CNC milling", "turning", "powder coating"]);
        Assert.Equal(CapabilityReader.Unsupported, Fit(s, mandatory: false, "powder coating").Score);
        Assert.Equal(1, Fit(s, mandatory: false, "CNC milling").Score);
    }

    [Fact]
    public void AConceptBesideTheTagDoesNotBackIt()
    {
        // Wet painting and powder coating share a broader concept; a wet painter does not back a powder-coating tag.
        var s = Supplier("Spray painting of steel frames.", ["powder coating"]);
        Assert.Contains("(listed only as a tag)", Fit(s, mandatory: false, "powder coating").Evidence);
    }

    [Fact]
    public void ATerseProfileIsUnbackedButNeverStuffed()
    {
        // Nothing in "Laser job shop." names a sector, so nothing says the tags are foreign to it.
        var s = Supplier("Laser job shop.", ["laser cutting", "powder coating"]);
        Assert.Equal(CapabilityReader.Unsupported, Fit(s, mandatory: false, "laser cutting").Score);
        Assert.DoesNotContain(ProfileReading.Read(s, TestVocabulary.Shared).Concepts, c => c.Stuffed);
    }

    [Fact]
    public void ADiversifiedShopWithAShortSummaryIsNotReadAsStuffed()
    {
        var foundry = """{ "sector": "foundry", "concepts": [ { "id": "sand-casting", "kind": "process", "labels": { "en": ["sand casting"], "es": ["fundición en arena"], "ja": ["砂型鋳造"] } } ] }""";
        var vocabulary = CapabilityVocabulary.FromJson([("metalworking.json", TestVocabulary.Json), ("foundry.json", foundry)]);
        var read = ProfileReading.Read(Supplier("A machining shop with its own small foundry.", ["CNC milling", "turning", "sand casting"]), vocabulary);
        Assert.DoesNotContain(read.Concepts, c => c.Stuffed);
    }

    [Fact]
    public void ATagFromASectorNothingElseIsAboutLooksStuffed()
    {
        var others = """
            { "sector": "foundry", "concepts": [ { "id": "sand-casting", "kind": "process", "labels": { "en": ["sand casting"], "es": ["fundición en arena"], "ja": ["砂型鋳造"] } } ] }
            """;
        var food = """
            { "sector": "food", "concepts": [ { "id": "bakery", "kind": "process", "labels": { "en": ["industrial baking"], "es": ["panificación industrial"], "ja": ["製パン"] } } ] }
            """;
        var vocabulary = CapabilityVocabulary.FromJson([("metalworking.json", TestVocabulary.Json), ("foundry.json", others), ("food.json", food)]);
        // A long list over three sectors, with a summary about one of them.
        var s = Supplier("CNC milling and turning of aluminium housings.", ["CNC milling", "turning", "sand casting", "industrial baking"]);
        var read = ProfileReading.Read(s, vocabulary);
        Assert.True(read.Concepts.Single(c => c.Id == "sand-casting").Stuffed);
        Assert.False(read.Concepts.Single(c => c.Id == "turning" && c.From == "capability").Stuffed);
        var line = Scorer.Score([new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 100, Keywords = ["sand casting"] }], read, Today, new MatchContext(vocabulary)).Criteria[0];
        Assert.Equal(CapabilityReader.Stuffed, line.Score);
    }

    [Fact]
    public void SimilarityFillsTheVocabularysGapsButNeverOverrulesIt()
    {
        // Vectors that call every pair of these phrases near (0.9).
        var near = new Vectors(["CNC milling", "machining", "spark erosion", "EDM"]);
        var context = TestVocabulary.Context with { Phrases = near };
        Criterion[] milling = [new() { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = ["CNC milling"] }];
        var broader = ProfileReading.Read(Supplier("", ["machining"], isic: ["2592"]), TestVocabulary.Shared);
        Assert.False(Scorer.Score(milling, broader, Today, context).Criteria[0].Met);

        Criterion[] edm = [new() { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = ["EDM"] }];
        var unknown = ProfileReading.Read(Supplier("", ["spark erosion"]), TestVocabulary.Shared);
        var line = Scorer.Score(edm, unknown, Today, context).Criteria[0];
        Assert.True(line.Met);
        Assert.Equal("'spark erosion' ≈ 'EDM' (0.90)", line.Evidence);
    }

    private sealed class Vectors(string[] phrases) : IPhraseVectors
    {
        public float[]? Find(string phrase)
        {
            var at = Array.IndexOf(phrases, phrase);
            if (at < 0) return null;
            // Unit vectors whose pairwise dot product is 0.9: a shared component plus one of their own.
            var v = new float[phrases.Length + 1];
            v[0] = MathF.Sqrt(0.9f);
            v[at + 1] = MathF.Sqrt(0.1f);
            return v;
        }
    }

    [Fact]
    public void AnActivityCodeOfTheSameKindBacksATag()
    {
        var s = Supplier("Family firm since 1970.", ["powder coating"], isic: ["2592"]);
        Assert.Equal(1, Fit(s, mandatory: false, "powder coating").Score);
    }

    [Fact]
    public void TheDescriptionAddsWhatItNamesBeyondTheKeywords()
    {
        Criterion[] criteria = [new() { Kind = CriterionKind.CapabilityFit, Weight = 100, Keywords = ["CNC milling"] }];
        var context = TestVocabulary.Context.For("Milled aluminium housings, anodised after machining.");
        var both = ProfileReading.Read(Supplier("CNC milling and anodising of housings.", ["CNC milling", "anodising"]), TestVocabulary.Shared);
        var millingOnly = ProfileReading.Read(Supplier("CNC milling of housings.", ["CNC milling"]), TestVocabulary.Shared);
        var a = Scorer.Score(criteria, both, Today, context).Criteria[0];
        var b = Scorer.Score(criteria, millingOnly, Today, context).Criteria[0];
        Assert.Equal(1, a.Score);
        Assert.Equal(1 - CriteriaScorer.DescriptionShare, b.Score, 4);
        Assert.EndsWith("offers 0 of 1 processes the description names", b.Evidence);
    }

    [Fact]
    public void FactsReadWithAnotherVocabularyAreReadAgain()
    {
        var stale = ProfileReading.Read(Supplier("", ["electrostatic powder painting"]), CapabilityVocabulary.Empty);
        Assert.Empty(stale.Concepts);
        var line = Scorer.Score([new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = ["powder coating"] }], stale, Today, TestVocabulary.Context).Criteria[0];
        Assert.True(line.Met);
    }
}
