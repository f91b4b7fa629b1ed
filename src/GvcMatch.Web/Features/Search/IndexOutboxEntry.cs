using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Search;

/// <summary>What changed, in the words the indexer expands into documents.</summary>
public enum OutboxSubject { Organization, Profile, IpListing, Requirement }

/// <summary>
/// One row per change the search index must see, written in the same transaction as the change.
/// The row names the changed thing, not its new content: the indexer always rebuilds documents
/// from the current database state, so rows applied twice or out of order still converge.
/// </summary>
public sealed class IndexOutboxEntry
{
    public long Id { get; set; }
    public OutboxSubject Subject { get; set; }
    public int SubjectId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IndexOutboxEntryConfiguration : IEntityTypeConfiguration<IndexOutboxEntry>
{
    public void Configure(EntityTypeBuilder<IndexOutboxEntry> b)
    {
        b.ToTable("IndexOutbox");
        b.HasIndex(e => e.CreatedAt);
    }
}
