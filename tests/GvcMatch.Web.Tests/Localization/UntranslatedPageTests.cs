using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Localization;

/// <summary>
/// The converted pages, rendered in Spanish and Japanese, show no English text of the resource
/// set: a text node or label attribute that reads as an English entry means a page printed a
/// literal or asked the localizer for a text nobody translated.
/// </summary>
public sealed class UntranslatedPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] LabelAttributes = ["placeholder", "aria-label", "title", "alt"];

    public static TheoryData<string> Languages => new(ResourceFiles.Translations);

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task PagesForVisitorsShowNoEnglishInterfaceText(string language)
    {
        var supplier = await PublishedSupplierAsync();
        using var visitor = app.CreateClient();
        visitor.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[] { "/", "/Search/suppliers", "/Search/suppliers?q=zzzz", $"/Suppliers/{supplier}", "/Identity/Account/Login", "/Identity/Account/Register" })
            await AssertTranslatedAsync(visitor, page, language);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task PagesForSignedInMembersShowNoEnglishInterfaceText(string language)
    {
        var supplier = await PublishedSupplierAsync();
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        await mne.PublishNewRequirementAsync();
        mne.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[] { "/", "/Search/suppliers", $"/Suppliers/{supplier}" })
            await AssertTranslatedAsync(mne.Client, page, language);
    }

    [Fact]
    public void TheCheckFindsAnEnglishTextLeftInAPage()
    {
        var english = EnglishTexts("es");
        var page = Html.Parse("<html lang=\"es\"><body><nav><a>Proveedores</a><a>Sign in</a></nav><p lang=\"en\">Sign in</p><p>12 results</p></body></html>");
        Assert.Equal(["Sign in", "12 results"], Untranslated(page, english));
    }

    private async Task<int> PublishedSupplierAsync()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        await owner.SaveProfileAsync(Samples.Profile() with { Certifications = [new CertificationInput("ISO 9001", "Issuer A", "Q-1", Samples.InDays(300))] });
        await Expect.StatusAsync(await owner.Client.PostAsync($"/api/organizations/{owner.Me.OrgId}/profile/publish"), HttpStatusCode.OK);
        return owner.Me.OrgId;
    }

    private static async Task AssertTranslatedAsync(HttpClient client, string url, string language)
    {
        var response = await client.GetAsync(url);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        var left = Untranslated(page, EnglishTexts(language));
        Assert.True(left.Count == 0, $"{url} in {language} still shows English:\n" + string.Join("\n", left));
    }

    /// <summary>Each English entry whose translation differs, as a pattern where its placeholders match any text.</summary>
    private static IReadOnlyList<(string Text, Regex Pattern)> EnglishTexts(string language)
    {
        var translated = ResourceFiles.Read(language);
        return ResourceFiles.Read().Keys
            .Where(k => translated.GetValueOrDefault(k) != k)
            .Select(k => (k, new Regex("^" + Regex.Replace(Regex.Escape(k), @"\\\{\d+(?:[:,][^}]*)?}", ".+") + "$", RegexOptions.Singleline)))
            .ToList();
    }

    /// <summary>Text nodes and label attributes that read as an English entry, outside user content marked with another lang.</summary>
    private static List<string> Untranslated(IDocument page, IReadOnlyList<(string Text, Regex Pattern)> english)
    {
        var pageLanguage = page.DocumentElement.GetAttribute("lang");
        var found = new List<string>();
        foreach (var element in page.Body!.QuerySelectorAll("*").Prepend(page.Body))
        {
            if (element.LocalName is "script" or "style") continue;
            if (element.Closest("[lang]")?.GetAttribute("lang") is { } lang && lang != pageLanguage) continue;
            var texts = element.ChildNodes.OfType<IText>().Select(t => t.Data)
                .Concat(LabelAttributes.Select(element.GetAttribute).OfType<string>());
            foreach (var raw in texts)
            {
                var text = Regex.Replace(raw, @"\s+", " ").Trim(' ', '·', '.', ',', '–');
                if (text.Length > 1 && english.Any(e => e.Pattern.IsMatch(text) || e.Text.TrimEnd('.') == text)) found.Add(text);
            }
        }
        return found;
    }
}
