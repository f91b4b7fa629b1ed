namespace GvcMatch.Matching.Understanding;

/// <summary>
/// One entry of the capability vocabulary: a process, material, product, service, piece of
/// equipment or sector, named in several languages and placed under broader concepts. Its id is
/// language-neutral, which is what lets a Japanese profile meet an English requirement.
/// <paramref name="Intermediary"/> marks a concept that says what a company <i>is</i> when it makes
/// nothing itself: a distributor, a trading house, a sourcing agent, a marketplace, a consultancy,
/// a recruiter. The products and processes such a company names are what it sells or represents.
/// </summary>
public sealed record Concept(
    string Id,
    string Kind,
    string Sector,
    IReadOnlyList<string> Broader,
    IReadOnlyList<string> Isic,
    IReadOnlyList<string> Hs,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Labels,
    bool Intermediary = false)
{
    /// <summary>The first label in <paramref name="language"/>, falling back to English, then to the id.</summary>
    public string PreferredLabel(string language = "en") =>
        Labels.TryGetValue(language, out var labels) && labels.Count > 0 ? labels[0]
        : Labels.TryGetValue("en", out var english) && english.Count > 0 ? english[0]
        : Id;
}

/// <summary>Where a concept was found in a text: the words as written and the language of the label that matched.</summary>
public sealed record ConceptMention(string ConceptId, string Surface, string Language, int Start, int Length);
