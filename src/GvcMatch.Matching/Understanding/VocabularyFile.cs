using System.Text.Json;
using System.Text.Json.Serialization;

namespace GvcMatch.Matching.Understanding;

/// <summary>One sector file of <c>seeds/reference/capabilities</c> as written on disk.</summary>
internal sealed record VocabularyFile
{
    public string Sector { get; init; } = "";
    public List<ConceptEntry> Concepts { get; init; } = [];

    internal sealed record ConceptEntry
    {
        public string Id { get; init; } = "";
        public string Kind { get; init; } = "";
        public List<string>? Broader { get; init; }
        public List<string>? Isic { get; init; }
        public List<string>? Hs { get; init; }
        public Dictionary<string, List<string>>? Labels { get; init; }
        public bool Intermediary { get; init; }
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}

/// <summary>A vocabulary that cannot be loaded: which file and what is wrong with it.</summary>
public sealed class VocabularyException(string message) : Exception(message);
