using GvcMatch.Matching;
using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>
/// The one rule for what text is embedded for a profile, a requirement or a phrase. Everything
/// that embeds or looks up a vector goes through here, so a change (such as mapping Spanish or
/// Japanese text to English vocabulary labels first: the model reads English only) takes effect
/// everywhere at once. Changing the rule changes the texts, hence their hashes: the next backfill
/// embeds them again and the old rows simply stop being read.
/// </summary>
public static class EmbeddingTexts
{
    /// <summary>
    /// What the supplier does, most telling first: the model reads only about 200 words, so
    /// capabilities and materials lead and the free-form summary and equipment follow. The model
    /// reads English only, so text the vocabulary reads as Spanish, Japanese or another language
    /// is embedded as the English labels of the concepts it names; the original text stays in the
    /// keyword index with its own language's analysis.
    /// </summary>
    public static string ForProfile(CapabilityProfile p, CapabilityVocabulary vocabulary) => Join(
        List(p.Capabilities.Select(t => InEnglish(t, vocabulary))), List(p.Materials.Select(t => InEnglish(t, vocabulary))),
        InEnglish(p.Summary, vocabulary), List(p.Equipment.Select(t => InEnglish(t, vocabulary))));

    /// <summary>The text itself when it reads as English; otherwise the English labels of the concepts it names (empty when none).</summary>
    public static string InEnglish(string text, CapabilityVocabulary vocabulary)
    {
        var mentions = vocabulary.Tag(text);
        var foreign = mentions.Count(m => m.Language != "en");
        var cjk = text.Any(c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF');
        if (!cjk && foreign <= mentions.Count - foreign) return text;
        return string.Join(", ", mentions.Select(m => vocabulary.Find(m.ConceptId)!.PreferredLabel()).Distinct());
    }

    /// <summary>What the buyer seeks: the title, the capability keywords of its criteria, then the description.</summary>
    public static string ForRequirement(Requirement r) => Join(
        r.Title, List(r.Criteria.SelectMany(c => c.Keywords ?? [])), r.Description);

    /// <summary>
    /// A tag or keyword as the phrase cache keys it: trimmed, inner spaces collapsed, lower case
    /// (the model is uncased, so case would only split the cache).
    /// </summary>
    public static string ForPhrase(string phrase) =>
        string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The profile's capability and material tags, each embedded on its own for phrase-to-phrase similarity.</summary>
    public static IEnumerable<string> PhrasesOf(CapabilityProfile p) => Phrases(p.Capabilities.Concat(p.Materials));

    /// <summary>Every keyword of the requirement's criteria.</summary>
    public static IEnumerable<string> PhrasesOf(Requirement r) => PhrasesOf(r.Criteria);

    public static IEnumerable<string> PhrasesOf(IEnumerable<Criterion> criteria) => Phrases(criteria.SelectMany(c => c.Keywords ?? []));

    private static IEnumerable<string> Phrases(IEnumerable<string> raw) =>
        raw.Select(ForPhrase).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal);

    private static string List(IEnumerable<string> items) => string.Join(", ", items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()));

    private static string Join(params string[] parts) => string.Join(". ", parts.Select(p => p.Trim().TrimEnd('.')).Where(p => p.Length > 0));
}
