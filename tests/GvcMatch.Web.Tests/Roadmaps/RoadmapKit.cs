using System.Net;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Roadmaps;

/// <summary>The set-up the road-map tests share.</summary>
public static class RoadmapKit
{
    /// <summary>CNC milling and anodising (30), ISO 9001 (30), lead time ≤ 14 days (40): the sample profile scores 30 + 30 + 20.</summary>
    public static RoadmapInput Item(DateOnly today, RoadmapVisibility visibility = RoadmapVisibility.Everyone, string title = "Electric drive housings") => new()
    {
        Title = title,
        Description = "Anodised aluminium housings for an electric drive line, CNC machined.",
        Kind = RoadmapItemKind.Product,
        TimingYear = today.Year + 1,
        TimingQuarter = 2,
        IsicCodes = ["2592"],
        HsCodes = ["7616"],
        Visibility = visibility,
        Criteria =
        [
            new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 30, Keywords = ["cnc milling", "anodising"] },
            new Criterion { Kind = CriterionKind.CertificationHeld, Weight = 30, Standard = "ISO 9001" },
            new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 40, Days = 14 },
        ],
    };

    public static async Task<int> DraftAsync(this Member buyer, RoadmapInput input) =>
        (await Expect.JsonAsync(await buyer.Client.PostJsonAsync("/api/roadmap-items", input), HttpStatusCode.Created)).GetProperty("id").GetInt32();

    public static async Task<int> PublishedItemAsync(this Member buyer, RoadmapInput input)
    {
        var id = await buyer.DraftAsync(input);
        await Expect.StatusAsync(await buyer.Client.PostAsync($"/api/roadmap-items/{id}/publish"), HttpStatusCode.OK);
        return id;
    }

    public static async Task<List<int>> ListedAsync(HttpClient client, string query = "") =>
        (await Expect.JsonAsync(await client.GetAsync($"/api/roadmap-items{query}"), HttpStatusCode.OK)).EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

    public static async Task<List<JsonElement>> InboxAsync(Member member, string kind) =>
        (await Expect.JsonAsync(await member.Client.GetAsync("/api/notifications"), HttpStatusCode.OK))
            .GetProperty("items").GetProperty("items").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == kind).ToList();

    public static Task<HttpResponseMessage> ExpressAsync(this Member sme, int item, string note = "We machine 30,000 housings a month and can anodise in house.") =>
        sme.Client.PutJsonAsync($"/api/roadmap-items/{item}/interest", new InterestInput(note, ["cnc milling"], "30,000 pieces a month"));
}
