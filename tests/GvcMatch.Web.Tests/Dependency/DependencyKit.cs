using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Dependency;

/// <summary>Awards written as the evaluation leaves them, for the dependency figures.</summary>
public static class DependencyKit
{
    /// <summary>A requirement in <paramref name="isic"/> awarded to <paramref name="supplier"/> at <paramref name="price"/> EUR, <paramref name="daysAgo"/> days ago; its id.</summary>
    public static async Task<int> AwardAsync(this GvcMatchApp app, Member buyer, Member supplier, string isic, decimal price, int daysAgo = 0)
    {
        var requirement = await buyer.PublishNewRequirementAsync(Samples.Requirement($"Awarded work {Guid.NewGuid():N}") with { IsicCodes = [isic] });
        var bid = await app.SubmitBidAsync(requirement, supplier, price);
        await app.WithDbAsync(async db =>
        {
            db.Awards.Add(new Award
            {
                RequirementId = requirement, BidId = bid, Total = 80, AwardedByUserId = buyer.Me.UserId,
                AwardedAt = app.Clock.GetUtcNow().AddDays(-daysAgo),
            });
            await db.SaveChangesAsync();
        });
        return requirement;
    }
}
