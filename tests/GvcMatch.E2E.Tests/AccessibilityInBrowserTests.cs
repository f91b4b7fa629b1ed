using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// axe-core over every main page, each as the person who uses it, in English, Spanish and
/// Japanese: WCAG 2.0, 2.1 and 2.2 levels A and AA, no violation allowed. One browser; the four
/// people's pages are checked side by side (each in a context of its own), so the server and the
/// browser keep both cores busy instead of taking turns.
/// </summary>
public sealed class AccessibilityInBrowserTests(AccessibilityServerFixture app) : IClassFixture<AccessibilityServerFixture>
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        // Every rule still runs; only the violations' nodes are collected and sent back, not the
        // thousands of passing ones, which were most of each check's time.
        ResultTypes = [ResultType.Violations],
    };

    [BrowserFact]
    public async Task Every_main_page_passes_axe_in_english_spanish_and_japanese()
    {
        await using var visitorContext = await BrowserSessions.NewContextAsync(app);
        await using var buyerContext = await BrowserSessions.NewContextAsync(app);
        await using var supplierContext = await BrowserSessions.NewContextAsync(app);
        await using var adminContext = await BrowserSessions.NewContextAsync(app);
        // The machine may be busy: a slow page is not what this test is about.
        foreach (var context in new[] { visitorContext, buyerContext, supplierContext, adminContext }) context.SetDefaultTimeout(90_000);
        var visitor = await visitorContext.NewPageAsync();
        var buyer = await BrowserSessions.SignInAsync(buyerContext, DemoServerFixture.BuyerEmail);
        var supplier = await BrowserSessions.SignInAsync(supplierContext, DemoServerFixture.SupplierEmail);
        var admin = await BrowserSessions.SignInAsync(adminContext, AccessibilityScenario.AdminEmail, AccessibilityScenario.AdminPassword);
        var scenario = new AccessibilityScenario(app, visitor, buyer, supplier);
        await scenario.PrepareAsync();

        var violations = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var checkedPages = 0;
        foreach (var language in new[] { "en", "es", "ja" })
        {
            var people = new (IPage Page, List<string> Paths)[] { (visitor, scenario.VisitorPages), (supplier, scenario.SupplierPages), (buyer, scenario.BuyerPages), (admin, scenario.AdminPages) };
            foreach (var person in people) await UseLanguageAsync(person.Page.Context, language);
            await Task.WhenAll(people.Select(async person =>
            {
                foreach (var path in person.Paths)
                {
                    var response = await person.Page.GotoAsync(path);
                    if (response?.Ok != true)
                    {
                        violations.Enqueue($"[{language}] {path}: answered {response?.Status}");
                        continue;
                    }
                    var result = await person.Page.RunAxe(Wcag);
                    foreach (var rule in result.Violations)
                        foreach (var node in rule.Nodes)
                            violations.Enqueue($"[{language}] {path}: {rule.Id} at {node.Target} ({rule.Help}) {node.Html}");
                    Interlocked.Increment(ref checkedPages);
                }
            }));
        }

        Assert.True(violations.Count == 0, $"{violations.Count} axe violations on {checkedPages} page loads:\n" + string.Join("\n", violations));
    }

    /// <summary>The switcher's cookie, set directly: none of these people has a saved language that would win over it.</summary>
    private async Task UseLanguageAsync(IBrowserContext context, string language) =>
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = app.BaseUrl }]);
}

/// <summary>The demo data on a server of its own: the scenario moves the app's clock past a deadline.</summary>
public sealed class AccessibilityServerFixture : BrowserServerFixture
{
    protected override bool SeedDemoData => true;
}
