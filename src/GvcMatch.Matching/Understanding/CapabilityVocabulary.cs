using System.Text.Json;

namespace GvcMatch.Matching.Understanding;

/// <summary>
/// The capability vocabulary (<c>seeds/reference/capabilities/*.json</c>): concepts with labels in
/// several languages and broader/narrower links. It tags free text with concept ids
/// (<see cref="Tag"/>) and says how two concepts relate, which is how the matcher gives exact,
/// explainable credit across wordings and languages.
/// </summary>
public sealed partial class CapabilityVocabulary
{
    private readonly Dictionary<string, Concept> _byId;
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _descendants = new(StringComparer.Ordinal);
    private readonly LabelIndex _labels;

    private CapabilityVocabulary(IReadOnlyList<Concept> concepts, string version)
    {
        Version = version;
        _byId = concepts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var c in concepts)
        {
            _ancestors[c.Id] = Walk(c.Id, id => _byId[id].Broader);
            foreach (var a in _ancestors[c.Id])
            {
                if (!_descendants.TryGetValue(a, out var below)) _descendants[a] = below = new HashSet<string>(StringComparer.Ordinal);
                below.Add(c.Id);
            }
        }
        _labels = new LabelIndex(concepts);
    }

    public static CapabilityVocabulary Empty { get; } = new([], "none");

    /// <summary>Changes whenever any file changes: facts read with another version are read again.</summary>
    public string Version { get; }

    public IReadOnlyCollection<Concept> Concepts => _byId.Values;

    public int Count => _byId.Count;

    public Concept? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Every concept above <paramref name="id"/> (not itself); empty for an unknown id.</summary>
    public IReadOnlySet<string> AncestorsOf(string id) => _ancestors.TryGetValue(id, out var set) ? set : EmptySet;

    /// <summary>Every concept below <paramref name="id"/> (not itself).</summary>
    public IReadOnlySet<string> DescendantsOf(string id) => _descendants.TryGetValue(id, out var set) ? set : EmptySet;

    /// <summary>The concepts named in <paramref name="text"/>, longest label first, never inside another word.</summary>
    public IReadOnlyList<ConceptMention> Tag(string? text) => _labels.Tag(text);

    /// <summary>Labels in <paramref name="language"/> that start with what the user typed (for chips with autocomplete).</summary>
    public IReadOnlyList<(Concept Concept, string Label)> Suggest(string typed, string language, int max) =>
        _labels.Suggest(typed, language, max, _byId);

    /// <summary>Loads every <c>*.json</c> file of a folder; a broken file fails with its name and the problem.</summary>
    public static CapabilityVocabulary LoadFolder(string folder)
    {
        if (!Directory.Exists(folder)) throw new VocabularyException($"The capability vocabulary folder '{folder}' does not exist.");
        var files = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)));
        return FromJson(files);
    }

    /// <summary>Builds a vocabulary from file texts (name, JSON), checking ids, links and labels.</summary>
    public static CapabilityVocabulary FromJson(IEnumerable<(string Name, string Json)> files)
    {
        var concepts = new List<Concept>();
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, json) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n" + json));
            VocabularyFile file;
            try { file = JsonSerializer.Deserialize<VocabularyFile>(json, VocabularyFile.Json) ?? new(); }
            catch (JsonException e) { throw new VocabularyException($"{name}: {e.Message}"); }
            foreach (var e in file.Concepts)
            {
                if (string.IsNullOrWhiteSpace(e.Id)) throw new VocabularyException($"{name}: a concept has no id.");
                if (!seen.TryAdd(e.Id, name)) throw new VocabularyException($"{name}: concept '{e.Id}' is already defined in {seen[e.Id]}.");
                var labels = (e.Labels ?? []).ToDictionary(l => l.Key, l => (IReadOnlyList<string>)l.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList());
                if (!labels.TryGetValue("en", out var en) || en.Count == 0) throw new VocabularyException($"{name}: concept '{e.Id}' has no English label.");
                concepts.Add(new Concept(e.Id, e.Kind, file.Sector, e.Broader ?? [], e.Isic ?? [], e.Hs ?? [], labels, e.Intermediary));
            }
        }
        var ids = seen.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var c in concepts)
        {
            foreach (var b in c.Broader.Where(b => !ids.Contains(b)))
                throw new VocabularyException($"{seen[c.Id]}: concept '{c.Id}' names an unknown broader concept '{b}'.");
        }
        var byId = concepts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var c in concepts)
        {
            if (Walk(c.Id, id => byId[id].Broader).Contains(c.Id))
                throw new VocabularyException($"{seen[c.Id]}: concept '{c.Id}' is its own ancestor (a cycle of broader links).");
        }
        return new CapabilityVocabulary(concepts, Convert.ToHexStringLower(hash.GetHashAndReset())[..16]);
    }

    private static HashSet<string> Walk(string start, Func<string, IReadOnlyList<string>> next)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(next(start));
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!found.Add(id)) continue;
            foreach (var n in next(id)) queue.Enqueue(n);
        }
        return found;
    }

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();
}
