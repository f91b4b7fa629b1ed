namespace GvcMatch.Matching.Understanding;

/// <summary>Vectors of short phrases (capability tags, criterion keywords), unit length, or null when a phrase has none yet.</summary>
public interface IPhraseVectors
{
    float[]? Find(string phrase);
}

/// <summary>
/// What the scorer knows beyond the criteria and the supplier's facts: the capability vocabulary,
/// phrase vectors when the semantic stage is on, and the requirement's description. The same
/// context gives the same scores wherever a requirement is scored (matches, my score, bids).
/// </summary>
public sealed record MatchContext(CapabilityVocabulary Vocabulary, IPhraseVectors? Phrases = null, string? RequirementText = null)
{
    /// <summary>Words only: no vocabulary, no vectors (unit tests of the other criterion kinds).</summary>
    public static MatchContext Lexical { get; } = new(CapabilityVocabulary.Empty);

    public MatchContext For(string? requirementText) => this with { RequirementText = requirementText };

    /// <summary>
    /// Whether the requirement's capability keywords ask for an intermediary (a distributor, a
    /// sourcing agent, a trading house): then what an intermediary sells counts as what it offers.
    /// Set by <see cref="CriteriaScorer"/> from the keywords, never from the buyer's description
    /// (a buyer that is itself a distributor says so there).
    /// </summary>
    public bool SeeksIntermediary { get; init; }
}
