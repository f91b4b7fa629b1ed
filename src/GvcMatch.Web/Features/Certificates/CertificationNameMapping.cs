using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>
/// An admin's decision that a standard name the registry does not know means a registry entry
/// ("Qualitätsmanagement ISO 9001" → ISO 9001). Certificates saved later under that name get the
/// code; the ones already saved are moved when the mapping is made.
/// </summary>
public sealed class CertificationNameMapping
{
    public int Id { get; set; }

    /// <summary>The typed name, trimmed; compared without regard to case.</summary>
    public required string Name { get; set; }
    public required string Code { get; set; }
    public string? Scope { get; set; }
    public string? MappedByUserId { get; set; }
    public DateTimeOffset MappedAt { get; set; }
}

internal sealed class CertificationNameMappingConfiguration : IEntityTypeConfiguration<CertificationNameMapping>
{
    public void Configure(EntityTypeBuilder<CertificationNameMapping> b)
    {
        b.Property(m => m.Name).HasMaxLength(200);
        b.HasIndex(m => m.Name).IsUnique();
        b.Property(m => m.Code).HasMaxLength(200);
        b.Property(m => m.Scope).HasMaxLength(200);
        b.Property(m => m.MappedByUserId).HasMaxLength(450);
    }
}
