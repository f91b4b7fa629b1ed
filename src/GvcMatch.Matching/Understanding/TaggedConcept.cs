namespace GvcMatch.Matching.Understanding;

/// <summary>
/// A concept found in a supplier's profile, stored with the profile's facts at write time.
/// <paramref name="From"/> says where: "capability", "material", "equipment", "summary" or "description".
/// A tag is <paramref name="Supported"/> when something besides the tag list backs it (the summary,
/// the description, the equipment, or an activity code of the same kind); unsupported tags count
/// less, so a long list of popular process names does not outrank a real specialist.
/// An unbacked tag is also <paramref name="Stuffed"/> when it looks like part of a stuffed list:
/// its sector is one nothing else in the profile is about, or most of a long tag list is unbacked.
/// A concept is <paramref name="Sold"/> when the profile is an intermediary's (a distributor, a
/// sourcing agent, a consultancy: <see cref="SupplierFacts.Intermediary"/>) and the concept is
/// not one of the services it names: what it sells or represents, not what it does. It earns
/// a stuffed tag's credit unless the requirement asks for that kind of company.
/// </summary>
public sealed record TaggedConcept(string Id, string Text, string From, bool Supported, bool Stuffed = false, bool Sold = false);
