using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using static GvcMatch.Web.Tests.Infrastructure.Samples;

namespace GvcMatch.Web.Tests.Matching;

/// <summary>The data set as it exists in one running app: members and ids by key.</summary>
public sealed class BuiltDataSet(IReadOnlyDictionary<string, Member> smes, Member buyer, IReadOnlyDictionary<string, int> requirements)
{
    public IReadOnlyDictionary<string, Member> Smes { get; } = smes;
    public Member Buyer { get; } = buyer;
    public IReadOnlyDictionary<string, int> Requirements { get; } = requirements;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GvcMatchApp, Task<BuiltDataSet>> Built = new();

    /// <summary>The data set in this app, built by the first test that asks; later tests reuse it.</summary>
    public static Task<BuiltDataSet> ForAsync(GvcMatchApp app)
    {
        lock (Built) return Built.GetValue(app, BuildAsync);
    }

    public string KeyOf(int organizationId) => Smes.Single(s => s.Value.Me.OrgId == organizationId).Key;

    /// <summary>
    /// Creates the data set through the public API (sign-up, profile, publish, requirement), as
    /// people would, then waits for the indexer. Verification has no self-service API, so it is
    /// set in the database before the profile is saved, and the profile's outbox row carries it.
    /// </summary>
    public static async Task<BuiltDataSet> BuildAsync(GvcMatchApp app)
    {
        var smes = new Dictionary<string, Member>();
        foreach (var s in MatchingDataSet.Smes)
        {
            var sme = await app.SignUpAsync(OrganizationKind.Sme, s.Country);
            if (s.Verified) await app.MarkVerifiedAsync(sme.Me.OrgId);
            await sme.SaveProfileAsync(s.Profile);
            await Search.SearchProbe.PublishProfileAsync(sme);
            smes[s.Key] = sme;
        }
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirements = new Dictionary<string, int>();
        foreach (var r in MatchingDataSet.Requirements)
            requirements[r.Key] = await buyer.PublishNewRequirementAsync(Requirement(r.Title) with { Description = r.Description, Criteria = [.. r.Criteria] });
        await Search.SearchProbe.WaitForIndexAsync(app);
        return new BuiltDataSet(smes, buyer, requirements);
    }
}
