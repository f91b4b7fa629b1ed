using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>A whole profile or requirement text, or one capability, material or keyword phrase.</summary>
public enum EmbeddingKind { Document, Phrase }

/// <summary>
/// One text's vector, keyed by the model and a hash of the exact text embedded: the same text is
/// embedded once however many rows carry it, and a reindex or a new search backend reads vectors
/// from here instead of running the model again. A changed text gets a new row; rows are never
/// updated, so concurrent writers can only collide on identical content.
/// </summary>
public sealed class StoredEmbedding
{
    public required string Model { get; set; }

    /// <summary>SHA-256 of the UTF-8 text, lower-case hex.</summary>
    public required string TextHash { get; set; }

    public EmbeddingKind Kind { get; set; }
    public int Dimensions { get; set; }

    /// <summary>The vector as little-endian float32, <see cref="Dimensions"/> × 4 bytes.</summary>
    public required byte[] Vector { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class StoredEmbeddingConfiguration : IEntityTypeConfiguration<StoredEmbedding>
{
    public void Configure(EntityTypeBuilder<StoredEmbedding> b)
    {
        b.ToTable("Embeddings");
        b.HasKey(e => new { e.Model, e.TextHash });
        b.Property(e => e.Model).HasMaxLength(100);
        b.Property(e => e.TextHash).HasMaxLength(64).IsFixedLength();
        // The phrase cache loads one model's phrases, and later only those newer than its last load.
        b.HasIndex(e => new { e.Model, e.Kind, e.CreatedAt });
    }
}
