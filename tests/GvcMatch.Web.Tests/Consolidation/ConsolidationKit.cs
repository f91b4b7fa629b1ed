using System.Net;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Consolidation;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Offers;

namespace GvcMatch.Web.Tests.Consolidation;

/// <summary>The set-up the consolidation tests share: a notice, an agreed supplier, publication and the finished job.</summary>
public static class ConsolidationKit
{
    /// <summary>ISO 14001 (30), lead time ≤ 20 days (40), capacity ≥ 40,000 pieces a month (30).</summary>
    public static NoticeInput Notice(this GvcMatchApp app, int days = 200) => new()
    {
        Title = "Fewer machining suppliers",
        Reason = "We are moving from forty machining shops to ten with environmental certification.",
        IsicCodes = ["2592"],
        Criteria =
        [
            new Criterion { Kind = CriterionKind.CertificationHeld, Weight = 30, Standard = "ISO 14001" },
            new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 40, Days = 20 },
            new Criterion { Kind = CriterionKind.CapacityAtLeast, Weight = 30, Minimum = 40000, Unit = "pieces" },
        ],
        DecisionDate = app.ClockToday().AddDays(days),
    };

    /// <summary>An SME whose offer the buyer accepted: an agreed supplier.</summary>
    public static async Task<Member> AgreedSupplierAsync(this GvcMatchApp app, Member buyer, string isic = "2592")
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { LeadTimeDays = 30, IsicCodes = [isic] });
        var conversation = await app.StartConversationAsync(sme, buyer);
        var offer = await sme.ProposeAsync(conversation, OfferKit.Terms(app));
        await Expect.StatusAsync(await buyer.DecideAsync(offer.Id, "accept"), HttpStatusCode.OK);
        return sme;
    }

    public static async Task<JsonElement> FinishedAsync(Member buyer, int notice)
    {
        for (var i = 0; i < 200; i++)
        {
            var progress = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/consolidation-notices/{notice}/suppliers"), HttpStatusCode.OK);
            if (progress.GetProperty("job").GetProperty("status").GetString() == "Done") return progress;
            await Task.Delay(100);
        }
        throw new TimeoutException("The affected suppliers were not computed in 20 s.");
    }

    public static async Task<int> PublishedAsync(this GvcMatchApp app, Member buyer, NoticeInput? input = null)
    {
        var created = await Expect.JsonAsync(await buyer.Client.PostJsonAsync("/api/consolidation-notices", input ?? app.Notice()), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        await Expect.StatusAsync(await buyer.Client.PostAsync($"/api/consolidation-notices/{id}/publish"), HttpStatusCode.OK);
        return id;
    }

    public static async Task<List<JsonElement>> InboxAsync(Member member, string kind) =>
        (await Expect.JsonAsync(await member.Client.GetAsync("/api/notifications"), HttpStatusCode.OK))
            .GetProperty("items").GetProperty("items").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == kind).ToList();
}
