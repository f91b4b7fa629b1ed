using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Microsoft.Playwright;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// Everything the main pages need to show something, made through the JSON API as the people
/// themselves would: a requirement bid on, scored and awarded; a second one with a consortium; a
/// conversation; an event; a consolidation notice. The pages to check come out as addresses per person.
/// </summary>
public sealed class AccessibilityScenario(BrowserServerFixture app, IPage visitor, IPage buyer, IPage supplier)
{
    public const string AdminEmail = "admin@gvcmatch.example";
    public const string AdminPassword = "Admin!2345";

    public List<string> VisitorPages { get; } = [];
    public List<string> BuyerPages { get; } = [];
    public List<string> SupplierPages { get; } = [];
    public List<string> AdminPages { get; } =
    [
        "/Admin/Verification", "/Admin/CertificateChecks", "/Admin/Certifications", "/Admin/Audit", "/Admin/Import",
        "/Admin/Vocabulary", "/Admin/Search", "/Awards/Statistics", "/Admin/Figures",
    ];

    public async Task PrepareAsync()
    {
        var awarded = await BrowserSessions.PublishRequirementAsync(buyer, deadlineInDays: 1);
        var open = await BrowserSessions.PublishRequirementAsync(buyer, deadlineInDays: 20);
        var conversation = await PostAsync<long>(supplier, "/api/conversations", new { topic = "Requirement", aboutId = open });
        var bid = await PostAsync<int>(supplier, $"/api/requirements/{awarded}/bids", new
        {
            answers = new object[]
            {
                new { criterion = 0, value = "ISO 9001", evidence = "JQA-QMA-11843" },
                new { criterion = 1, value = "5-axis milling and anodising" },
                new { criterion = 2, value = "30 days", number = 30 },
            },
            price = 4.20m, currency = "EUR",
        });
        await PostAsync(supplier, $"/api/bids/{bid}/submit", null);
        var partner = await OrganizationIdAsync("tsubame");
        var consortium = await PostAsync<int>(supplier, "/api/consortia", new
        {
            requirementId = open, name = "Milling and finishing partners",
            lead = new { sharePercent = 60, work = "Milling", criteria = new[] { 0, 1, 2 } },
            invite = new object[] { new { organizationId = partner, sharePercent = 40, work = "Finishing", criteria = new[] { 1 } } },
        });
        var fair = await PostAsync<int>(buyer, "/api/events", new Dictionary<string, object?>
        {
            ["name"] = "Automotive supplier day", ["place"] = "Messe Stuttgart, Hall 4",
            ["firstDay"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"), ["days"] = 1, ["dayStart"] = "09:00", ["dayEnd"] = "12:00",
            ["meetingMinutes"] = 30, ["breaks"] = Array.Empty<object>(), ["timeZone"] = "Europe/Berlin", ["tables"] = 3,
            ["registrationOpensAt"] = DateTimeOffset.UtcNow.AddDays(-1), ["registrationClosesAt"] = DateTimeOffset.UtcNow.AddDays(20),
            ["audience"] = new[] { "Sme", "Mne", "Intermediary" }, ["requestLimit"] = 10,
        });
        await PostAsync(supplier, $"/api/events/{fair}/registration", new { offers = new[] { "meetings" } });
        var notice = await PostAsync<int>(buyer, "/api/consolidation-notices", new
        {
            title = "Fewer machining suppliers", reason = "We are moving to ten machining shops with environmental certification.",
            isicCodes = new[] { "2592" },
            criteria = new object[] { new { kind = "CertificationHeld", weight = 100, standard = "ISO 14001" } },
            decisionDate = DateTime.UtcNow.AddDays(200).ToString("yyyy-MM-dd"),
        });
        await PostAsync(buyer, $"/api/consolidation-notices/{notice}/publish", null);

        // After the deadline the buyer scores every criterion and awards the bid.
        app.Clock.Advance(TimeSpan.FromDays(3));
        for (var criterion = 0; criterion < 3; criterion++)
        {
            var scored = await buyer.APIRequest.PutAsync($"/api/bids/{bid}/scores/{criterion}", new APIRequestContextOptions
            {
                Headers = await BrowserSessions.ApiHeadersAsync(buyer), DataObject = new { score = 1.0, reason = "Checked against the sample parts." },
            });
            Assert.True(scored.Ok, $"Scoring criterion {criterion}: {scored.Status} {await scored.TextAsync()}");
        }
        await PostAsync(buyer, $"/api/requirements/{awarded}/award", new { bidId = bid, lotNumber = 0, note = "Best value on every criterion." });

        var firstSupplier = await FirstLinkAsync(visitor, "/Suppliers", "a[href^='/Suppliers/']");
        var firstListing = await FirstLinkAsync(visitor, "/Ip", "a[href^='/Ip/']");
        VisitorPages.AddRange(["/", "/Suppliers", firstSupplier, "/Search/suppliers?q=machining", "/Search/requirements", "/Ip", firstListing,
            "/About", "/Identity/Account/Login", "/Identity/Account/Register", "/Identity/Account/ForgotPassword"]);
        SupplierPages.AddRange(["/Account/Dashboard", "/Requirements", $"/Requirements/{open}", $"/Requirements/{open}/Bid", $"/Requirements/{awarded}",
            $"/Awards/Debrief/{bid}", "/Account/Bids", "/Account/Profile", "/Account/Organization", "/Account/Recommended", "/Account/Inbox",
            "/Account/Notifications", "/Conversations", $"/Conversations/{conversation}", "/Consortia", $"/Consortia/{consortium}",
            $"/Consortia/Partners/{open}", "/Account/Ip", "/Account/Ip/Edit", "/Events", $"/Events/{fair}", $"/Events/{fair}/Agenda", "/Identity/Account/Manage",
            "/Identity/Account/Manage/ChangePassword", "/Identity/Account/Manage/Email"]);
        BuyerPages.AddRange([$"/Requirements/{open}/Matches", $"/Account/Requirements/Edit/{open}", "/Account/Requirements/Edit", "/Account/Requirements",
            $"/Awards/Evaluation/{awarded}", $"/Requirements/{awarded}/Bids", $"/Account/DealRoom/requirements/{open}", "/Account/Ndas",
            $"/Consolidation/{notice}", $"/Events/{fair}", "/Account/Dashboard"]);
        var programme = await DemoProgrammeIdAsync();
        VisitorPages.AddRange(["/Programmes", $"/Programmes/{programme}"]);
        SupplierPages.AddRange(["/Programmes", $"/Programmes/{programme}", "/Account/RevenueShares"]);
        BuyerPages.AddRange(["/Account/Concentration", "/Programmes", "/Programmes/Edit", $"/Programmes/{programme}", $"/Programmes/Edit/{programme}"]);
        var (item, listing) = await DemoRoadmapAsync();
        VisitorPages.AddRange(["/Roadmaps", $"/Roadmaps/{item}"]);
        SupplierPages.AddRange(["/Roadmaps", $"/Roadmaps/{item}", $"/Ip/{listing}"]);
        BuyerPages.AddRange(["/Roadmaps", "/Roadmaps/Edit", $"/Roadmaps/{item}", $"/Roadmaps/Edit/{item}"]);
    }

    /// <summary>The buyer's demo road-map item for everyone (its own page, editor, and the SME's fit and gap plan), and the SME's own IP listing with its road-map matches.</summary>
    private async Task<(int Item, int Listing)> DemoRoadmapAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var item = await db.Set<Web.Features.Roadmaps.RoadmapItem>()
            .Where(i => i.Organization.Key == "mne-de-rheinfeld-automobil" && i.Visibility == Web.Features.Roadmaps.RoadmapVisibility.Everyone)
            .OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var listing = await db.IpListings.Where(i => i.Organization.Key == "sme-jp-kawaguchi-precision").OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        return (item, listing);
    }

    private async Task<int> DemoProgrammeIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<Web.Features.DevelopmentProgrammes.DevelopmentProgramme>().OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    private async Task<int> OrganizationIdAsync(string keyPart)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Organizations.Where(o => o.Key.Contains(keyPart)).Select(o => o.Id).FirstAsync();
    }

    private static async Task<string> FirstLinkAsync(IPage page, string list, string selector)
    {
        await BrowserSessions.OpenOnceIndexedAsync(page, list, selector);
        return (await page.Locator(selector).First.GetAttributeAsync("href"))!;
    }

    private static async Task<T> PostAsync<T>(IPage page, string url, object? body) =>
        (await PostAsync(page, url, body)).GetProperty("id").Deserialize<T>()!;

    private static async Task<System.Text.Json.JsonElement> PostAsync(IPage page, string url, object? body)
    {
        var options = new APIRequestContextOptions { Headers = await BrowserSessions.ApiHeadersAsync(page) };
        if (body is not null) options.DataObject = body;
        var response = await page.APIRequest.PostAsync(url, options);
        Assert.True(response.Ok, $"POST {url}: {response.Status} {await response.TextAsync()}");
        var text = await response.TextAsync();
        return text.Length == 0 ? default : System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }
}
