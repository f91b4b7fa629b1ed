using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Notifications;

/// <summary>
/// Records that an SME's members were told a requirement version matches them, so the same
/// version never notifies the same SME twice (the unique key also settles a race).
/// </summary>
public sealed class RequirementAlert
{
    public long Id { get; set; }
    public int RequirementId { get; set; }
    public int Version { get; set; }
    public int OrganizationId { get; set; }
    public DateTimeOffset NotifiedAt { get; set; }
}

internal sealed class RequirementAlertConfiguration : IEntityTypeConfiguration<RequirementAlert>
{
    public void Configure(EntityTypeBuilder<RequirementAlert> b)
    {
        b.ToTable("RequirementAlerts");
        b.HasIndex(a => new { a.RequirementId, a.Version, a.OrganizationId }).IsUnique();
    }
}
