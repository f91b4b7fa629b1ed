using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Web.Features.Matching;

/// <summary>
/// The one place the app gets the scorer's understanding from: the capability vocabulary and,
/// when the semantic stage is on, phrase vectors. Matches, my score, recommendations, bid
/// evaluation and the composer all score through it, so they agree.
/// </summary>
public sealed class MatchContexts(CapabilityVocabulary vocabulary, IPhraseVectors? phrases = null)
{
    public CapabilityVocabulary Vocabulary => vocabulary;

    /// <summary>For scoring against <paramref name="requirement"/>: its description counts too.</summary>
    public MatchContext For(Requirement requirement) => For(requirement.Description);

    /// <summary>For a requirement read from the index, by its description.</summary>
    public MatchContext For(string? requirementDescription) => new(vocabulary, phrases, requirementDescription);

    /// <summary>Loads the vocabulary shipped under <c>seeds/reference/capabilities</c>.</summary>
    public static CapabilityVocabulary LoadVocabulary(string seedsFolder) =>
        CapabilityVocabulary.LoadFolder(Path.Combine(seedsFolder, "reference", "capabilities"));
}
