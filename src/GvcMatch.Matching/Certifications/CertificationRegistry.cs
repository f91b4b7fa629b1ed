using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace GvcMatch.Matching.Certifications;

/// <summary>
/// The certification standards the product knows: canonical codes, aliases, version spellings and
/// the scopes each is issued for. Read from <c>seeds/reference/certifications/*.json</c>, which are
/// built into this assembly, so every part of the product (scorer, index, import) reads one list.
/// A name the registry does not know is still a valid standard: it is kept as typed and matched by
/// that exact name.
/// </summary>
public sealed class CertificationRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };
    private static readonly Lazy<CertificationRegistry> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, CertificationStandard> _byCode;
    private readonly FrozenDictionary<string, ResolvedStandard> _byKey;

    public CertificationRegistry(IReadOnlyList<CertificationStandard> standards)
    {
        Standards = standards;
        _byCode = standards.ToFrozenDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        var keys = new Dictionary<string, ResolvedStandard>(StringComparer.Ordinal);
        // Names and their version spellings first: "ISO 14644-1" is the standard, not class 1 of it.
        foreach (var s in standards)
        {
            foreach (var name in NamesOf(s))
            {
                keys.TryAdd(Key(name), new(s, null));
                foreach (var v in s.Versions) keys.TryAdd(Key(name) + Key(v), new(s, null));
            }
        }
        // Then a name with a scope, either way round: "FSC CoC", "ISO 14644 class 7", "USDA Organic".
        // A scope alone ("7", "CoC") names no standard.
        foreach (var s in standards.Where(s => s.Scopes is not null))
        {
            foreach (var value in s.Scopes!.Values)
            foreach (var form in ScopeForms(s.Scopes, value))
            {
                foreach (var name in NamesOf(s))
                {
                    keys.TryAdd(Key(name) + Key(form), new(s, value.Code));
                    keys.TryAdd(Key(form) + Key(name), new(s, value.Code));
                }
            }
        }
        _byKey = keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The registry shipped with the product.</summary>
    public static CertificationRegistry Default => Embedded.Value;

    public IReadOnlyList<CertificationStandard> Standards { get; }

    public IEnumerable<string> Families => Standards.Select(s => s.Family).Distinct();

    /// <summary>The entry with this canonical code, or null.</summary>
    public CertificationStandard? Find(string? code) => code is null ? null : _byCode.GetValueOrDefault(code.Trim());

    /// <summary>
    /// What a typed name means: "ISO 9001:2015", "iso9001" and "EN ISO 9001" are ISO 9001; "FSC CoC" is
    /// FSC with its chain-of-custody scope. Null when the registry does not know the name.
    /// </summary>
    public ResolvedStandard? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Find(text) is { } exact) return new(exact, null);
        return _byKey.GetValueOrDefault(Key(text));
    }

    /// <summary>The scope value a typed scope names for a standard ("Chemical Processing", "CP", "class 7", "EXC2"), or null.</summary>
    public static ScopeValue? FindScope(CertificationStandard standard, string? text)
    {
        if (standard.Scopes is not { } set || string.IsNullOrWhiteSpace(text)) return null;
        var key = Key(text);
        return set.Values.FirstOrDefault(v => ScopeForms(set, v).Any(f => Key(f) == key));
    }

    /// <summary>A typed name as it is compared: upper-case letters and digits only.</summary>
    public static string Key(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
            if (char.IsLetterOrDigit(ch)) b.Append(char.ToUpperInvariant(ch));
        return b.ToString();
    }

    private static IEnumerable<string> NamesOf(CertificationStandard s) => [s.Code, .. s.Aliases];

    private static IEnumerable<string> ScopeForms(ScopeSet set, ScopeValue v)
    {
        IEnumerable<string> forms = [v.Code, .. v.Name is null ? [] : new[] { v.Name }, .. v.Aliases];
        return forms.Concat(forms.SelectMany(f => set.Prefixes.Select(p => p + " " + f)));
    }

    public static CertificationRegistry Load(IEnumerable<(string Name, Stream Content)> files)
    {
        var standards = new List<CertificationStandard>();
        foreach (var (name, content) in files)
        {
            var file = JsonSerializer.Deserialize<RegistryFile>(content, Json)
                ?? throw new InvalidDataException($"Certification file '{name}' is empty.");
            foreach (var s in file.Standards) s.Family = file.Family;
            standards.AddRange(file.Standards);
        }
        return new CertificationRegistry(standards);
    }

    public static CertificationRegistry LoadFolder(string folder) =>
        Load(Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), (Stream)File.OpenRead(f))));

    private static CertificationRegistry LoadEmbedded()
    {
        var assembly = typeof(CertificationRegistry).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith("certifications/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        return Load(names.Select(n => (n, assembly.GetManifestResourceStream(n)!)));
    }

    private sealed record RegistryFile(string Family, string? Description, List<CertificationStandard> Standards);
}
