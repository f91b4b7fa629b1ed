using GvcMatch.Web.Tests.Localization;
using Microsoft.Playwright;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// A visitor switches the language with the layout's switcher and walks home → search → supplier
/// page → sign in; every page must be in that language, with no English text of the resource set.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed partial class LanguagesInBrowserTests(DemoServerFixture app)
{
    /// <summary>Visible texts and labels, leaving out user content marked with a language of its own.</summary>
    private const string VisibleTexts = """
        () => {
          const lang = document.documentElement.lang, out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
          for (let n = walker.currentNode; n; n = walker.nextNode()) {
            const el = n.nodeType === Node.TEXT_NODE ? n.parentElement : n;
            if (!el || el.closest('script,style')) continue;
            const own = el.closest('[lang]');
            if (own && own.getAttribute('lang') !== lang) continue;
            if (n.nodeType === Node.TEXT_NODE) out.push(n.data);
            else for (const a of ['placeholder', 'aria-label', 'title', 'alt']) if (n.hasAttribute(a)) out.push(n.getAttribute(a));
          }
          return out;
        }
        """;

    [BrowserFact]
    public Task AJapaneseVisitorFindsASupplierAndSignsInWithoutMeetingEnglish() => WalkAsync("ja", "サプライヤー");

    [BrowserFact]
    public Task ASpanishVisitorFindsASupplierAndSignsInWithoutMeetingEnglish() => WalkAsync("es", "Proveedores");

    private async Task WalkAsync(string language, string suppliersWord)
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = "en-US", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

        await page.ClickAsync("#language-menu");
        await page.ClickAsync($"#language-switch button[value={language}]");
        await page.WaitForSelectorAsync($"html[lang={language}]");
        await AssertInLanguageAsync(page, language, "home");
        Assert.Equal(suppliersWord, (await page.InnerTextAsync("nav a.nav-link[href='/Suppliers']")).Trim());

        await page.ClickAsync("nav a.nav-link[href='/Search/suppliers']");
        await BrowserSessions.OpenOnceIndexedAsync(page, page.Url, "article h2 a");
        await AssertInLanguageAsync(page, language, "search");

        await page.ClickAsync("article h2 a");
        await page.WaitForURLAsync("**/Suppliers/*");
        await AssertInLanguageAsync(page, language, "supplier page");

        await page.ClickAsync("a[href='/Identity/Account/Login']");
        await page.WaitForSelectorAsync("#login-submit");
        await AssertInLanguageAsync(page, language, "sign-in page");
        await page.FillAsync("#Input_Email", DemoServerFixture.SupplierEmail);
        await page.FillAsync("#Input_Password", DemoServerFixture.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Login", StringComparison.OrdinalIgnoreCase));
        await AssertInLanguageAsync(page, language, "first page after signing in");

        // The signed-in SME's navigation stays on one line at a laptop width, in the longer languages too.
        var navHeight = await page.EvalOnSelectorAsync<double>("#main-nav > ul.navbar-nav.me-auto", "e => e.getBoundingClientRect().height");
        Assert.True(navHeight < 60, $"The navigation wraps at 1366 px in {language}: {navHeight} px high.");

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, $"signed-in-{language}.png") });
    }

    private static async Task AssertInLanguageAsync(IPage page, string language, string where)
    {
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        var left = ResourceFiles.English(await page.EvaluateAsync<string[]>(VisibleTexts), ResourceFiles.EnglishTexts(language));
        Assert.True(left.Count == 0, $"The {where} ({page.Url}) in {language} still shows English:\n" + string.Join("\n", left));
    }
}
