using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;

namespace GvcMatch.Web.Features.Profiles;

/// <summary>
/// The organisation's size band follows its profile's employee count when the count is known
/// (thresholds in <see cref="CompanySizes"/>). A profile without a count leaves the band the
/// organisation chose, so rows from before counts were stored keep theirs.
/// </summary>
public static class EmployeeBand
{
    public static void Sync(Organization org, CapabilityProfile profile)
    {
        if (profile.EmployeeCount is { } count) org.SizeBand = Enum.Parse<SizeBand>(CompanySizes.BandOf(count));
    }
}
