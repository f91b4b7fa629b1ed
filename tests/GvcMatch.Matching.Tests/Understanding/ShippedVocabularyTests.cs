using GvcMatch.Matching.Understanding;

namespace GvcMatch.Matching.Tests.Understanding;

/// <summary>The vocabulary the product ships (seeds/reference/capabilities) loads, covers the sectors, and speaks English, Spanish and Japanese.</summary>
public class ShippedVocabularyTests
{
    public static readonly CapabilityVocabulary Shipped = CapabilityVocabulary.LoadFolder(Folder());

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds", "reference", "capabilities");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("seeds/reference/capabilities not found above the test folder.");
    }

    [Fact]
    public void ItHasAtLeastSixHundredConceptsEachNamedInEnglishSpanishAndJapanese()
    {
        Assert.True(Shipped.Count >= 600, $"{Shipped.Count} concepts");
        foreach (var c in Shipped.Concepts)
        {
            foreach (var language in new[] { "en", "es", "ja" })
                Assert.True(c.Labels.TryGetValue(language, out var labels) && labels.Count > 0, $"{c.Id} has no '{language}' label");
        }
    }

    [Theory]
    [InlineData("electrostatic powder painting", "powder coating")]
    [InlineData("wire EDM", "wire erosion")]
    [InlineData("PCB assembly", "PCBA")]
    [InlineData("fresado CNC", "CNC milling")]
    [InlineData("板金加工", "sheet metal fabrication")]
    [InlineData("粉体塗装", "powder coating")]
    [InlineData("moldeo por inyección", "injection moulding")]
    [InlineData("射出成形", "injection molding")]
    public void ParaphrasesAndTranslationsNameTheSameConcept(string supplierSays, string buyerAsks)
    {
        var said = Shipped.Tag(supplierSays).Select(m => m.ConceptId).ToHashSet();
        var asked = Shipped.Tag(buyerAsks).Select(m => m.ConceptId).ToList();
        Assert.NotEmpty(asked);
        Assert.Contains(asked, a => said.Contains(a) || said.Overlaps(Shipped.DescendantsOf(a)));
    }

    [Fact]
    public void EveryLabelIsUnambiguousOrOnlyOnTheBroaderConcept()
    {
        var owners = new Dictionary<string, List<string>>();
        foreach (var c in Shipped.Concepts)
            foreach (var label in c.Labels.Values.SelectMany(l => l).Select(l => l.ToLowerInvariant()).Distinct())
                (owners.TryGetValue(label, out var list) ? list : owners[label] = []).Add(c.Id);
        var shared = owners.Where(o => o.Value.Count > 1).Select(o => $"{o.Key}: {string.Join(", ", o.Value)}").ToList();
        Assert.True(shared.Count == 0, "Labels on two concepts: " + string.Join("; ", shared.Take(20)));
    }
}

public class ShippedVocabularyStemTests
{
    [Fact]
    public void LabelsOfDifferentConceptsNeverStemAlike()
    {
        var owners = new Dictionary<string, HashSet<string>>();
        foreach (var c in ShippedVocabularyTests.Shipped.Concepts)
            foreach (var label in c.Labels.Values.SelectMany(l => l).Where(l => !HasCjk(l)))
            {
                var key = string.Join(' ', Words.Stems(label));
                if (key.Length == 0) continue;
                (owners.TryGetValue(key, out var set) ? set : owners[key] = []).Add(c.Id);
            }
        var shared = owners.Where(o => o.Value.Count > 1).Select(o => $"{o.Key}: {string.Join(", ", o.Value)}").ToList();
        Assert.True(shared.Count == 0, $"{shared.Count} stem clashes: " + string.Join("; ", shared.Take(60)));
    }

    // Labels in Han or Kana are matched as characters, not stems (see LabelIndex).
    private static bool HasCjk(string s) => s.Any(ch => ch is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF');
}
