using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// The navbar at a laptop width (1366 × 768) in English, Spanish and Japanese, for each kind of
/// person: one row, nothing past the edge, every menu opens with its links showing, by mouse and by
/// keyboard; on a phone it folds into the hamburger.
/// </summary>
public sealed class NavbarInBrowserTests(DemoServerFixture app) : IClassFixture<DemoServerFixture>
{
    private const string IntermediaryEmail = "gabriela@enlace-pyme.example";

    /// <summary>A fresh context at <paramref name="width"/> × <paramref name="height"/>, patient with a machine busy with other builds.</summary>
    private async Task<IBrowserContext> ContextAsync(int width, int height, bool phone = false)
    {
        SetDefaultExpectTimeout(30_000);
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = phone, HasTouch = phone,
        });
        context.SetDefaultTimeout(90_000);
        return context;
    }
    private static readonly string[] Languages = ["en", "es", "ja"];

    /// <summary>Where the navbar's items sit against the brand and the bar's container.</summary>
    private const string Measure = """
        () => {
          const nav = document.querySelector('nav.navbar');
          const box = e => e.getBoundingClientRect();
          const brand = box(nav.querySelector('.navbar-brand'));
          const bar = box(nav.firstElementChild);
          const row = box(nav.querySelector('#primary-nav .nav-link'));
          const shown = [...nav.querySelectorAll('.navbar-brand, .nav-link')].filter(e => e.offsetParent !== null && !e.closest('.dropdown-menu'));
          const name = e => e.id || e.textContent.trim();
          return {
            barHeight: bar.height,
            rowHeight: Math.max(brand.height, row.height),
            below: shown.filter(e => box(e).top >= brand.bottom - 1).map(name),
            outside: shown.filter(e => box(e).right > bar.right + 1 || box(e).left < bar.left - 1).map(name),
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          };
        }
        """;

    private sealed class Layout
    {
        public double BarHeight { get; set; }
        public double RowHeight { get; set; }
        public string[] Below { get; set; } = [];
        public string[] Outside { get; set; } = [];
        public double Overflow { get; set; }
    }

    [BrowserFact]
    public Task A_buyers_navbar_is_one_row_in_every_language_and_its_menus_open() =>
        CheckAsync(DemoServerFixture.BuyerEmail, DemoServerFixture.DemoPassword, ["#nav-dashboard", "#nav-roadmaps", "#nav-programmes", "#nav-events"]);

    [BrowserFact]
    public Task An_smes_navbar_is_one_row_in_every_language_and_its_menus_open() =>
        CheckAsync(DemoServerFixture.SupplierEmail, DemoServerFixture.DemoPassword, ["#nav-dashboard", "#nav-recommended", "#nav-my-bids", "#nav-consortia", "#nav-roadmaps", "#nav-programmes"]);

    [BrowserFact]
    public Task An_intermediarys_navbar_is_one_row_in_every_language_and_its_menus_open() =>
        CheckAsync(IntermediaryEmail, DemoServerFixture.DemoPassword, ["#nav-dashboard", "#nav-consortia", "#nav-roadmaps", "#nav-programmes", "#nav-outcomes"]);

    [BrowserFact]
    public Task An_admins_navbar_is_one_row_in_every_language_and_its_menus_open() =>
        CheckAsync(AccessibilityScenario.AdminEmail, AccessibilityScenario.AdminPassword,
            ["#nav-dashboard", "#nav-roadmaps", "#nav-verification", "#nav-import", "#nav-audit", "#nav-vocabulary", "#nav-certifications", "#nav-search-index", "#nav-figures", "#nav-outcomes"]);

    [BrowserFact]
    public async Task On_a_phone_the_menus_fold_into_the_hamburger_and_still_open()
    {
        await using var context = await ContextAsync(390, 844, phone: true);
        var page = await BrowserSessions.SignInAsync(context, DemoServerFixture.SupplierEmail);
        await page.GotoAsync("/Account/Dashboard");
        await Expect(page.Locator("#work-menu")).ToBeHiddenAsync();

        await page.ClickAsync("nav .navbar-toggler");
        await page.ClickAsync("#work-menu");
        await Expect(page.Locator("#nav-my-bids")).ToBeVisibleAsync();
        await page.ClickAsync("#nav-my-bids");
        await page.WaitForURLAsync("**/Account/Bids");
    }

    private async Task CheckAsync(string email, string password, string[] menuLinks)
    {
        await using var context = await ContextAsync(1366, 768);
        var page = await BrowserSessions.SignInAsync(context, email, password);
        await page.GotoAsync("/Account/Dashboard");
        foreach (var language in Languages)
        {
            await page.ClickAsync("#language-menu");
            await page.ClickAsync($"#language-switch button[value={language}]");
            await page.WaitForSelectorAsync($"html[lang={language}]");

            var layout = await page.EvaluateAsync<Layout>(Measure);
            Assert.True(layout.Below.Length == 0, $"In {language} for {email} these sit below the brand's line: {string.Join(", ", layout.Below)}");
            Assert.True(layout.BarHeight <= layout.RowHeight + 1, $"In {language} for {email} the navbar is {layout.BarHeight} px high, one row is {layout.RowHeight} px.");
            Assert.True(layout.Outside.Length == 0, $"In {language} for {email} these stick out of the bar: {string.Join(", ", layout.Outside)}");
            Assert.True(layout.Overflow <= 0, $"In {language} for {email} the page is {layout.Overflow} px wider than the window.");

            // The live badges stay on the bar itself, where a glance finds them.
            Assert.Equal(1, await page.Locator("#primary-nav > li > a[href='/Account/Inbox'] #unread-count").CountAsync());
            Assert.Equal(1, await page.Locator("#primary-nav #messages-unread").CountAsync());
            await OpenEveryMenuAsync(page, language);
        }

        foreach (var link in menuLinks) Assert.Equal(1, await page.Locator($"nav .dropdown-menu {link}").CountAsync());
        await OpenWithTheKeyboardAsync(page);
    }

    /// <summary>Each menu of the bar opens on a click with all its entries showing, and closes with Escape.</summary>
    private static async Task OpenEveryMenuAsync(IPage page, string language)
    {
        var toggles = page.Locator("nav.navbar [data-bs-toggle=dropdown]");
        var count = await toggles.CountAsync();
        Assert.True(count >= 3, $"Expected the work, language and account menus in {language}, found {count}.");
        for (var i = 0; i < count; i++)
        {
            var toggle = toggles.Nth(i);
            await toggle.ClickAsync();
            var menu = page.Locator($"nav .dropdown-menu[aria-labelledby='{await toggle.GetAttributeAsync("id")}']");
            await Expect(menu).ToBeVisibleAsync();
            var entries = menu.Locator(".dropdown-item");
            Assert.True(await entries.CountAsync() > 0);
            for (var j = 0; j < await entries.CountAsync(); j++) await Expect(entries.Nth(j)).ToBeInViewportAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(menu).ToBeHiddenAsync();
        }
    }

    /// <summary>Enter opens the work menu, the arrow keys move through it, Escape gives focus back to its button.</summary>
    private static async Task OpenWithTheKeyboardAsync(IPage page)
    {
        await page.FocusAsync("#work-menu");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#work-menu")).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#nav-dashboard")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("[aria-labelledby=work-menu] .dropdown-item").Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#work-menu")).ToBeFocusedAsync();
        await Expect(page.Locator("#work-menu")).ToHaveAttributeAsync("aria-expanded", "false");
    }
}
