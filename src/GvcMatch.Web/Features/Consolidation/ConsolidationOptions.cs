using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>Settings under <c>Consolidation</c>.</summary>
public sealed class ConsolidationOptions
{
    public const string Section = "Consolidation";

    /// <summary>The shortest notice period the platform accepts between publication and decision (the Action Statement's "reasonable time to adapt").</summary>
    [Range(1, 3650)]
    public int MinimumNoticeDays { get; set; } = 180;
}
