using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Conversations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.HasIndex(c => c.PairKey).IsUnique();
        b.Property(c => c.PairKey).HasMaxLength(120);
        b.Property(c => c.Subject).HasMaxLength(MessageLimits.Subject);
        b.Property(c => c.CreatedByUserId).HasMaxLength(450);
        b.HasMany(c => c.Parties).WithOne().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationPartyConfiguration : IEntityTypeConfiguration<ConversationParty>
{
    public void Configure(EntityTypeBuilder<ConversationParty> b)
    {
        b.HasKey(p => new { p.ConversationId, p.OrganizationId });
        // "My organisation's conversations" is the list every member opens first.
        b.HasIndex(p => p.OrganizationId);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationUserStateConfiguration : IEntityTypeConfiguration<ConversationUserState>
{
    public void Configure(EntityTypeBuilder<ConversationUserState> b)
    {
        b.HasKey(s => new { s.ConversationId, s.UserId });
        b.HasIndex(s => s.UserId);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.HasIndex(m => new { m.ConversationId, m.Seq }).IsUnique();
        // NULLs are distinct in both databases, so system messages without a client id never clash.
        b.HasIndex(m => new { m.ConversationId, m.SenderUserId, m.ClientMessageId }).IsUnique();
        b.Property(m => m.SenderUserId).HasMaxLength(450);
        b.Property(m => m.ClientMessageId).HasMaxLength(MessageLimits.ClientMessageId);
        b.Property(m => m.Body).HasMaxLength(MessageLimits.Body);
        b.Property(m => m.AttachmentName).HasMaxLength(MessageLimits.AttachmentName);
        b.Property(m => m.AttachmentContentType).HasMaxLength(100);
        b.Property(m => m.AttachmentStorageKey).HasMaxLength(100);
        b.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
