using GvcMatch.Matching;
using GvcMatch.Web.Features.Profiles;

namespace GvcMatch.Web.Tests.Matching;

/// <summary>One SME of the labelled set: what it offers, and how relevant a person judges it for each requirement (0–3).</summary>
public sealed record LabelledSme(string Key, string Country, bool Verified, ProfileInput Profile, IReadOnlyDictionary<string, int> Relevance)
{
    public int Label(string requirement) => Relevance.GetValueOrDefault(requirement);
}

/// <summary>A requirement of the labelled set and the SMEs that fail one of its mandatory criteria.</summary>
public sealed record LabelledRequirement(string Key, string Title, string Description, IReadOnlyList<Criterion> Criteria, IReadOnlyList<string> FailMandatory);
