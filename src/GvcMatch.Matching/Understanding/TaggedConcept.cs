namespace GvcMatch.Matching.Understanding;

/// <summary>
/// A concept found in a supplier's profile, stored with the profile's facts at write time.
/// <paramref name="From"/> says where: "capability", "material", "equipment", "summary" or "description".
/// A tag is <paramref name="Supported"/> when something besides the tag list backs it (the summary,
/// the description, the equipment, or an activity code of the same kind); unsupported tags count
/// less, so a long list of popular process names does not outrank a real specialist.
/// An unbacked tag is also <paramref name="Stuffed"/> when it looks like part of a stuffed list:
/// its sector is one nothing else in the profile is about, or most of a long tag list is unbacked.
/// </summary>
public sealed record TaggedConcept(string Id, string Text, string From, bool Supported, bool Stuffed = false);
