namespace GvcMatch.Web.Features.Vocabulary;

/// <summary>One autocomplete suggestion: the label in the user's language and the concept it names.</summary>
public sealed record ConceptSuggestionDto(string Id, string Label, string English, string Kind, string Sector);

/// <summary>A concept with its names, where it sits, and its codes.</summary>
public sealed record ConceptDto(
    string Id, string Kind, string Sector, IReadOnlyDictionary<string, IReadOnlyList<string>> Labels,
    IReadOnlyList<string> Broader, IReadOnlyList<string> Narrower, IReadOnlyList<string> Isic, IReadOnlyList<string> Hs);

/// <summary>What the vocabulary recognises in a text: each phrase as written and the concept it names.</summary>
public sealed record RecognisedDto(string Text, string Id, string Label);

/// <summary>A tag users typed that the vocabulary does not know, and how often.</summary>
public sealed record UnknownTagDto(string Tag, int Profiles, int Requirements);

public sealed record UnknownTagsDto(int ProfilesRead, int RequirementsRead, IReadOnlyList<UnknownTagDto> Tags);
