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
}
