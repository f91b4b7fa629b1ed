using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Dashboards;

/// <summary>
/// A supplier shown in the top of a requirement's ranked matches on one UTC day. The row itself is
/// the count: the key makes a supplier count once per requirement per day however often the page
/// is opened, so several instances can write it without coordinating.
/// </summary>
public sealed class MatchAppearance
{
    public int SupplierOrganizationId { get; set; }
    public DateOnly Day { get; set; }
    public int RequirementId { get; set; }
}

/// <summary>A supplier's public page opened by a signed-in member of another organisation on one UTC day: once per viewer organisation per day.</summary>
public sealed class ProfileView
{
    public int SupplierOrganizationId { get; set; }
    public DateOnly Day { get; set; }
    public int ViewerOrganizationId { get; set; }
}

// No foreign keys: counters are written in batches after the request, and a supplier or requirement
// deleted in between must not fail the batch. The tables are named so the batch's plain SQL can name them.
internal sealed class MatchAppearanceConfiguration : IEntityTypeConfiguration<MatchAppearance>
{
    public void Configure(EntityTypeBuilder<MatchAppearance> b)
    {
        b.ToTable(DashboardTables.MatchAppearances);
        b.HasKey(a => new { a.SupplierOrganizationId, a.Day, a.RequirementId });
        // The admin figures count all suppliers' appearances by day.
        b.HasIndex(a => a.Day);
    }
}

internal sealed class ProfileViewConfiguration : IEntityTypeConfiguration<ProfileView>
{
    public void Configure(EntityTypeBuilder<ProfileView> b)
    {
        b.ToTable(DashboardTables.ProfileViews);
        b.HasKey(v => new { v.SupplierOrganizationId, v.Day, v.ViewerOrganizationId });
    }
}

public static class DashboardTables
{
    public const string MatchAppearances = "MatchAppearances";
    public const string ProfileViews = "ProfileViews";
}
