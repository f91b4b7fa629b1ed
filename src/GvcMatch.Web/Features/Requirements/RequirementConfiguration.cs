using System.Text.Json;
using GvcMatch.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Requirements;

internal sealed class RequirementConfiguration : IEntityTypeConfiguration<Requirement>
{
    public void Configure(EntityTypeBuilder<Requirement> b)
    {
        b.HasIndex(r => r.Key).IsUnique();
        b.HasIndex(r => new { r.Status, r.ResponseDeadline });
        b.HasIndex(r => r.OrganizationId);
        b.Property(r => r.Key).HasMaxLength(RequirementLimits.Key);
        b.Property(r => r.Title).HasMaxLength(RequirementLimits.Title);
        b.Property(r => r.Description).HasMaxLength(RequirementLimits.Description);
        b.Property(r => r.QuantityUnit).HasMaxLength(20);
        b.Property(r => r.DeliveryCountry).HasMaxLength(2);
        b.Property(r => r.DeliveryCity).HasMaxLength(100);
        b.Property(r => r.StatusReason).HasMaxLength(1000);
        b.Property(r => r.Criteria).HasCriteriaJson();
        b.Property(r => r.Lots).HasJsonList();
        b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.RequirementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequirementVersionConfiguration : IEntityTypeConfiguration<RequirementVersion>
{
    public void Configure(EntityTypeBuilder<RequirementVersion> b)
    {
        b.HasIndex(v => new { v.RequirementId, v.Number }).IsUnique();
        b.Property(v => v.Title).HasMaxLength(RequirementLimits.Title);
        b.Property(v => v.Description).HasMaxLength(RequirementLimits.Description);
        b.Property(v => v.ChangeNote).HasMaxLength(1000);
        b.Property(v => v.Criteria).HasCriteriaJson();
        b.Property(v => v.Lots).HasJsonList();
    }
}

internal static class CriteriaJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Criteria are stored as one JSON text column: they are read and written as a whole, never
    /// queried piecemeal in SQL, and the same text works on SQLite and PostgreSQL.
    /// </summary>
    public static PropertyBuilder<List<Criterion>> HasCriteriaJson(this PropertyBuilder<List<Criterion>> property) => property.HasJsonList();

    /// <summary>A list of small records kept as one JSON text column, compared by content.</summary>
    public static PropertyBuilder<List<T>> HasJsonList<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => JsonSerializer.Deserialize<List<T>>(s, Options) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(),
                v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Options), Options)!));
}

public static class RequirementLimits
{
    public const int Key = 80;
    public const int Title = 200;
    public const int Description = 8000;
}
