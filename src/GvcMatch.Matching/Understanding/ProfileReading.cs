using System.Text;

namespace GvcMatch.Matching.Understanding;

/// <summary>
/// Reads a supplier profile once, when it is written: tags its text with vocabulary concepts,
/// decides which tags the rest of the profile supports, and keeps its analysed words. The result
/// travels with the facts (in the search payload), so matching hundreds of candidates reads no text.
/// </summary>
public static class ProfileReading
{
    public static SupplierFacts Read(SupplierFacts facts, CapabilityVocabulary vocabulary)
    {
        var description = facts.Description;
        var concepts = new List<TaggedConcept>();
        var context = new List<(string Id, string Text, string From)>();
        Collect(vocabulary, [facts.Summary], "summary", context);
        Collect(vocabulary, description is null ? [] : [description], "description", context);
        Collect(vocabulary, facts.Equipment, "equipment", context);
        var tags = new List<(string Id, string Text, string From)>();
        Collect(vocabulary, facts.Capabilities, "capability", tags);
        Collect(vocabulary, facts.Materials, "material", tags);

        var contextWords = Joined([facts.Summary, description ?? "", .. facts.Equipment]);
        var backed = new HashSet<string>(context.Select(c => c.Id), StringComparer.Ordinal);
        foreach (var (id, text, from) in tags)
            concepts.Add(new TaggedConcept(id, text, from, IsSupported(vocabulary, id, text, backed, facts.IsicCodes, contextWords)));
        concepts.AddRange(context.Select(c => new TaggedConcept(c.Id, c.Text, c.From, true)));

        return facts with
        {
            Concepts = concepts.DistinctBy(c => (c.Id, c.From)).ToList(),
            TagWords = Joined([.. facts.Capabilities, .. facts.Materials]),
            ContextWords = contextWords,
            ReadWith = vocabulary.Version,
        };
    }

    /// <summary>The facts as the scorer needs them: read now when they were not, or read with another vocabulary.</summary>
    public static SupplierFacts Ensure(SupplierFacts facts, CapabilityVocabulary vocabulary) =>
        facts.ReadWith == vocabulary.Version && (facts.TagWords.Length > 0 || facts.ContextWords.Length > 0) ? facts : Read(facts, vocabulary);

    private static void Collect(CapabilityVocabulary vocabulary, IEnumerable<string> texts, string from, List<(string, string, string)> into)
    {
        foreach (var text in texts)
        {
            foreach (var m in vocabulary.Tag(text)) into.Add((m.ConceptId, m.Surface, from));
        }
    }

    /// <summary>
    /// A tag is backed when the summary, description or equipment name it or a concept next to it
    /// (broader, narrower, or under the same broader concept), when an activity code of the
    /// profile is one the concept belongs to, or when its own words occur in that context.
    /// </summary>
    private static bool IsSupported(CapabilityVocabulary v, string id, string text, HashSet<string> backed, IReadOnlyList<string> isic, string contextWords)
    {
        if (backed.Contains(id)) return true;
        var up = v.AncestorsOf(id);
        if (backed.Overlaps(up) || backed.Overlaps(v.DescendantsOf(id))) return true;
        var parents = v.Find(id)?.Broader ?? [];
        if (backed.Any(b => v.Find(b)?.Broader.Intersect(parents).Any() == true)) return true;
        if (isic.Count > 0 && new[] { id }.Concat(up).Select(v.Find).Any(c => c is not null && c.Isic.Intersect(isic).Any())) return true;
        var phrase = Phrase(Words.Stems(text));
        return phrase.Length > 2 && contextWords.Contains(phrase, StringComparison.Ordinal);
    }

    /// <summary>" a b | c | " : each text's stems, texts apart, so no phrase spans two of them.</summary>
    public static string Joined(IEnumerable<string> texts)
    {
        var sb = new StringBuilder(" ");
        foreach (var text in texts)
        {
            var stems = Words.Stems(text);
            if (stems.Length == 0) continue;
            foreach (var s in stems) sb.Append(s).Append(' ');
            sb.Append("| ");
        }
        return sb.ToString();
    }

    /// <summary>" a b " : stems ready for a whole-word search in <see cref="Joined"/> text.</summary>
    public static string Phrase(IReadOnlyList<string> stems) => stems.Count == 0 ? "" : " " + string.Join(' ', stems) + " ";
}
