namespace GvcMatch.Web.Tests.Localization;

/// <summary>Adding an English text without its Spanish and Japanese fails here, with the missing keys listed.</summary>
public sealed class ResourceCompletenessTests
{
    public static TheoryData<string> Translations => new(ResourceFiles.Translations);

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryEnglishTextHasANonEmptyTranslation(string language)
    {
        var english = ResourceFiles.Read();
        var translated = ResourceFiles.Read(language);
        var missing = english.Keys.Where(k => !translated.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).Order().ToList();
        Assert.True(missing.Count == 0, $"SharedResource.{language}.resx lacks {missing.Count} text(s):\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void NoTranslationIsLeftOverFromARemovedText(string language)
    {
        var english = ResourceFiles.Read();
        var stale = ResourceFiles.Read(language).Keys.Where(k => !english.ContainsKey(k)).Order().ToList();
        Assert.True(stale.Count == 0, $"SharedResource.{language}.resx has text(s) the English file no longer has:\n" + string.Join("\n", stale));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryTranslationKeepsItsPlaceholders(string language)
    {
        var wrong = ResourceFiles.Read(language)
            .Where(t => !ResourceFiles.Placeholders(t.Key).SequenceEqual(ResourceFiles.Placeholders(t.Value)))
            .Select(t => $"{t.Key} => {t.Value}").ToList();
        Assert.True(wrong.Count == 0, "Placeholders differ from the English text:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void TheEnglishFileIsKeyedByItsOwnText()
    {
        var differing = ResourceFiles.Read().Where(t => t.Key != t.Value).Select(t => t.Key).ToList();
        Assert.True(differing.Count == 0, "English entries must read as their key:\n" + string.Join("\n", differing));
    }

    [Fact]
    public void NoTwoTextsDifferOnlyInCase()
    {
        // Resource names are looked up without regard to case, so "Country" and "country" would share one translation.
        var clashes = ResourceFiles.Read().Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Texts differing only in case:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void NoEnglishPatternReadsOrdinaryUserContentAsInterfaceText()
    {
        // The language tests flag a text that reads as an English entry, placeholders matching anything:
        // an entry such as "{0} to {1}" would flag any supplier's own sentence with " to " in it.
        string[] userContent =
        [
            "Precision machining of aluminium and stainless parts, from single prototypes to 20,000 pieces a month",
            "Quality management for suppliers to the nuclear energy sector",
            "We anodise and powder coat parts of up to two metres for the automotive and rail industries",
            "Mecanizado CNC de precisión en aluminio y acero inoxidable para la industria del automóvil",
        ];
        var english = ResourceFiles.EnglishTexts("es");
        var clashes = userContent.Concat(CodeListEntries()).SelectMany(text => english.Where(e => e.Pattern.IsMatch(text)).Select(e => $"\"{e.Text}\" reads \"{text}\"")).ToList();
        Assert.True(clashes.Count == 0, "English entries too general to tell interface text from user content:\n" + string.Join("\n", clashes));
    }

    /// <summary>
    /// The ISIC, HS and IPC names, alone and as the pages show them ("6203 – Men's or boys' suits, …, not
    /// knitted"): the code lists have no translations, so every page shows them in English by design.
    /// </summary>
    private static IEnumerable<string> CodeListEntries()
    {
        var reference = Path.GetFullPath(Path.Combine(ResourceFiles.Folder, "..", "..", "..", "seeds", "reference"));
        return new[] { "isic.json", "hs.json", "ipc.json" }
            .SelectMany(file => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(reference, file))).RootElement.EnumerateArray())
            .Select(e => (Code: e.GetProperty("code").GetString()!, Name: e.GetProperty("name").GetString()!))
            .SelectMany(e => new[] { e.Name, $"{e.Code} – {e.Name}" });
    }
}
