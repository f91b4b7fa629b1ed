using GvcMatch.Matching.Understanding;

namespace GvcMatch.Matching.Tests.Understanding;

/// <summary>
/// Matching scores every candidate without explanations and explains only the page it returns, so
/// both ways must give the same numbers: any difference would rank one list and show another.
/// </summary>
public class UnexplainedScoringTests
{
    /// <summary>Four-dimensional unit vectors: two phrases near each other, the rest apart.</summary>
    private sealed class Phrases : IPhraseVectors
    {
        private readonly Dictionary<string, float[]> _vectors = new(StringComparer.OrdinalIgnoreCase)
        {
            ["powder coating"] = [1, 0, 0, 0],
            ["electrostatic painting"] = [0.9f, 0.43589f, 0, 0],
            ["laser cutting"] = [0, 0, 1, 0],
            ["plasma cutting"] = [0, 0, 0.7f, 0.71414f],
            ["cnc milling"] = [0, 1, 0, 0],
        };

        public float[]? Find(string phrase) => _vectors.GetValueOrDefault(phrase);
    }

    private static readonly string[] Tags =
        ["powder coating", "electrostatic painting", "laser cutting", "plasma cutting", "cnc milling", "anodizing", "アルマイト処理", "machines", "tin"];

    [Fact]
    public void ScoresWithoutExplanationsEqualScoresWithThem()
    {
        var random = new Random(5);
        var context = new MatchContext(TestVocabulary.Shared, new Phrases(), "Milled and anodised aluminium housings, powder coated.");
        var explainedCapabilities = 0;
        for (var i = 0; i < 500; i++)
        {
            var criteria = RandomCases.Criteria(random)
                .Select(c => c.Kind == CriterionKind.CapabilityFit ? c with { Keywords = Tags.Where(_ => random.Next(3) == 0).DefaultIfEmpty(Tags[0]).ToList() } : c)
                .ToList();
            var supplier = RandomCases.Supplier(random, i) with
            {
                Capabilities = Tags.Where(_ => random.Next(3) == 0).ToList(),
                Summary = random.Next(2) == 0 ? "Powder coating line and CNC milling." : "Trading house for machines.",
            };
            var read = ProfileReading.Read(supplier, TestVocabulary.Shared);
            var scorer = Scorer.For(criteria, context);

            var full = scorer.Score(read, RandomCases.Today);
            var bare = scorer.Score(read, RandomCases.Today, explain: false);

            Assert.Equal(full.Total, bare.Total);
            Assert.Equal(full.Qualified, bare.Qualified);
            Assert.Equal(full.Relevant, bare.Relevant);
            Assert.Equal(full.Criteria.Select(c => (c.Score, c.Met, c.Points)), bare.Criteria.Select(c => (c.Score, c.Met, c.Points)));
            foreach (var (f, b) in full.Criteria.Zip(bare.Criteria).Where(x => x.First.Kind == CriterionKind.CapabilityFit && x.First.Evidence != "no capabilities listed"))
            {
                Assert.NotEqual("", f.Evidence);
                Assert.Equal("", b.Evidence);
                explainedCapabilities++;
            }
        }
        // The cases must have reached the capability scorer often enough to mean something.
        Assert.True(explainedCapabilities > 100, $"only {explainedCapabilities} capability criteria scored");
    }

    [Fact]
    public void RankingWritesNoSentencesForCertificatesMarketsCapacityOrLeadTime()
    {
        // Ranking scores two hundred candidates and shows twenty: sentences for the rest are wasted,
        // but their scores must be the explained ones, regions and unconvertible units included.
        var random = new Random(8);
        var kinds = new[] { CriterionKind.CertificationHeld, CriterionKind.LocationIn, CriterionKind.ExportExperience, CriterionKind.CapacityAtLeast, CriterionKind.LeadTimeAtMost };
        var bare = 0;
        for (var i = 0; i < 400; i++)
        {
            var criteria = kinds.Select(k => Criterion(random, k)).ToList();
            var supplier = RandomCases.Supplier(random, i);
            var scorer = Scorer.For(criteria);

            var full = scorer.Score(supplier, RandomCases.Today);
            var ranked = scorer.Score(supplier, RandomCases.Today, explain: false);

            Assert.Equal(full.Criteria.Select(c => (c.Score, c.Met, c.Points)), ranked.Criteria.Select(c => (c.Score, c.Met, c.Points)));
            Assert.Equal((full.Total, full.Qualified), (ranked.Total, ranked.Qualified));
            // Only "not stated" stays: it is the same few words for everyone.
            bare += ranked.Criteria.Count(c => c.Evidence == "");
            Assert.All(ranked.Criteria, c => Assert.True(c.Evidence == "" || c.Evidence.EndsWith("not stated", StringComparison.Ordinal), c.Evidence));
        }
        Assert.True(bare > 1500, $"only {bare} criteria scored without a sentence");
    }

    private static Criterion Criterion(Random random, CriterionKind kind)
    {
        var c = new Criterion { Kind = kind, Mandatory = random.Next(3) == 0, Weight = 20 };
        return kind switch
        {
            CriterionKind.CertificationHeld => c with { Standard = RandomCases.Pick(random, RandomCases.Standards) },
            CriterionKind.CapacityAtLeast => c with { Minimum = random.Next(1, 80_000), Unit = random.Next(4) == 0 ? "kg" : "pieces" },
            CriterionKind.LeadTimeAtMost => c with { Days = random.Next(1, 60) },
            CriterionKind.LocationIn => c with { Countries = [RandomCases.Pick(random, RandomCases.Countries)], Regions = random.Next(2) == 0 ? ["EU"] : null },
            _ => c with { Countries = random.Next(3) == 0 ? [] : [RandomCases.Pick(random, RandomCases.Countries)], Regions = random.Next(3) == 0 ? ["EU", "Mercosur"] : null },
        };
    }
}
