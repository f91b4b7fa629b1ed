using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Features.Roadmaps;

/// <summary>Settings under <c>Roadmaps</c>.</summary>
public sealed class RoadmapOptions
{
    public const string Section = "Roadmaps";

    /// <summary>
    /// How long the SMEs that expressed interest in an item know of its requirement before its
    /// followers (and the usual matching alerts) hear of it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan InterestedHeadStart { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the worker looks for head starts that have ended.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReleaseCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
