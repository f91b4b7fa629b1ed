using GvcMatch.Matching.Understanding;

namespace GvcMatch.Embeddings.Tests;

/// <summary>
/// A few hundred texts of the kinds the app embeds: short capability phrases (every English label
/// of a spread of the shipped vocabulary's concepts) and profile-like sentences of 20–60 words
/// built from a sector's labels, plus odd inputs (codes, digits, one letter).
/// </summary>
public static class VariedTexts
{
    public static IReadOnlyList<string> Load(int phrases = 300, int sentences = 100)
    {
        var vocabulary = CapabilityVocabulary.LoadFolder(Path.Combine(RepoRoot(), "seeds", "reference", "capabilities"));
        var concepts = vocabulary.Concepts.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var labels = concepts.SelectMany(c => c.Labels.GetValueOrDefault("en") ?? []).Distinct(StringComparer.Ordinal).ToList();
        var step = Math.Max(1, labels.Count / phrases);
        var texts = labels.Where((_, i) => i % step == 0).Take(phrases).ToList();
        var bySector = concepts.GroupBy(c => c.Sector).Select(g => g.Select(c => c.PreferredLabel()).ToList()).Where(g => g.Count >= 4).ToList();
        for (var n = 0; n < sentences; n++)
        {
            var sector = bySector[n % bySector.Count];
            var take = 4 + n % 9;
            var picked = Enumerable.Range(0, take).Select(k => sector[(n * 7 + k * 3) % sector.Count]).Distinct().ToList();
            texts.Add($"Family company with {20 + n} employees. We offer {string.Join(", ", picked[..^1])} and {picked[^1]} " +
                      $"for customers in Europe and Asia, with ISO 9001 certification and lead times of {2 + n % 6} weeks.");
        }
        texts.AddRange(["ISO 9001", "AS9100D", "HS 8708.29", "x", "3", "CNC", "316L stainless steel, 0.5 mm"]);
        return texts;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GvcMatch.sln"))) return dir.FullName;
        throw new InvalidOperationException("GvcMatch.sln not found above the test assembly.");
    }
}
