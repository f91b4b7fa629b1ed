using GvcMatch.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.SavedSearches;

/// <summary>A search a person keeps, and how far its new hits have been reported.</summary>
public sealed class SavedSearch
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public DocumentKind Kind { get; set; }

    /// <summary>The query string exactly as the search API takes it, e.g. <c>q=cnc&amp;country=JP</c>.</summary>
    public required string Query { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Items updated before this moment have been reported; from it on they are news (whole seconds).</summary>
    public DateTimeOffset CheckedUpTo { get; set; }

    /// <summary>Optimistic concurrency token, replaced on every change the user makes; the API's ETag is derived from it.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.HasIndex(s => s.UserId);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(s => s.Name).HasMaxLength(SavedSearchLimits.Name);
        b.Property(s => s.Query).HasMaxLength(SavedSearchLimits.Query);
    }
}

public static class SavedSearchLimits
{
    public const int Name = 100;
    public const int Query = 2000;
    public const int PerUser = 50;
}
