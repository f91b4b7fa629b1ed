using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GvcMatch.Web.Tests.Localization;

/// <summary>The shared resource files as written in the repository: the English text (keys) and each translation.</summary>
public static partial class ResourceFiles
{
    public static readonly string[] Translations = ["es", "ja"];

    public static string Folder { get; } = FindFolder();

    /// <summary>Key to text, from <c>SharedResource.resx</c> (English) or <c>SharedResource.{language}.resx</c>.</summary>
    public static IReadOnlyDictionary<string, string> Read(string? language = null)
    {
        var path = Path.Combine(Folder, language is null ? "SharedResource.resx" : $"SharedResource.{language}.resx");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    /// <summary>The placeholders ({0}, {1:N0}) a text uses, in order of number.</summary>
    public static IReadOnlyList<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order().ToList();

    /// <summary>Each English entry whose translation into <paramref name="language"/> differs, as a pattern where placeholders match any text.</summary>
    public static IReadOnlyList<(string Text, Regex Pattern)> EnglishTexts(string language)
    {
        var translated = Read(language);
        return Read().Keys
            .Where(k => translated.GetValueOrDefault(k) != k)
            .Select(k => (k, new Regex("^" + Regex.Replace(Regex.Escape(k), @"\\\{\d+(?:[:,][^}]*)?}", ".+") + "$", RegexOptions.Singleline)))
            .ToList();
    }

    /// <summary>The texts (text nodes, labels) that read as an English entry, after trimming spaces and separators.</summary>
    public static List<string> English(IEnumerable<string> texts, IReadOnlyList<(string Text, Regex Pattern)> english)
    {
        var found = new List<string>();
        foreach (var raw in texts)
        {
            var text = Regex.Replace(raw, @"\s+", " ").Trim(' ', '·', '.', ',', '–');
            if (text.Length > 1 && english.Any(e => e.Pattern.IsMatch(text) || e.Text.TrimEnd('.') == text)) found.Add(text);
        }
        return found;
    }

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "GvcMatch.Web", "Resources");
            if (File.Exists(Path.Combine(candidate, "SharedResource.resx"))) return candidate;
        }
        throw new DirectoryNotFoundException("src/GvcMatch.Web/Resources not found above the test output folder.");
    }
}
