using GvcMatch.Matching.Certifications;

namespace GvcMatch.Matching.Disclosures;

/// <summary>
/// One disclosure as the scorer sees it: its topic, reporting year, evidence level, whether a
/// document backs it, and the topic's boundable figure (<see cref="DisclosureTopics.Bound"/>), if stated.
/// A labour policy that says "no policy" is not a fact at all: the criterion asks for a policy.
/// </summary>
public sealed record DisclosedFact(DisclosureTopic Topic, int Year, EvidenceLevel Evidence, bool DocumentAttached = false, decimal? Measure = null);
