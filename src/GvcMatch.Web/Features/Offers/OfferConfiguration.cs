using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.IpListings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Offers;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.HasIndex(o => new { o.ConversationId, o.State });
        // The expiry sweep looks for open offers past their date.
        b.HasIndex(o => new { o.State, o.ValidUntil });
        b.Property(o => o.ProposedByUserId).HasMaxLength(450);
        b.Property(o => o.DecidedByUserId).HasMaxLength(450);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.Unit).HasMaxLength(20);
        b.Property(o => o.Incoterm).HasMaxLength(3);
        b.Property(o => o.DeliveryPlace).HasMaxLength(100);
        b.Property(o => o.Notes).HasMaxLength(2000);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Licence).HasColumnName("LicenceTerms").HasJsonObject();
        b.Property(o => o.Price).HasPrecision(18, 4);
        b.Property(o => o.Quantity).HasPrecision(18, 4);
        b.HasOne<Conversation>().WithMany().HasForeignKey(o => o.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Offer>().WithMany().HasForeignKey(o => o.PreviousOfferId).OnDelete(DeleteBehavior.Restrict);
    }
}
