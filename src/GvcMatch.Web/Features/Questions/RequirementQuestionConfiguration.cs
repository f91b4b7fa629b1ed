using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.Questions;

internal sealed class RequirementQuestionConfiguration : IEntityTypeConfiguration<RequirementQuestion>
{
    public void Configure(EntityTypeBuilder<RequirementQuestion> b)
    {
        b.HasIndex(q => new { q.RequirementId, q.AskedAt });
        b.Property(q => q.AskedByUserId).HasMaxLength(450);
        b.Property(q => q.AnsweredByUserId).HasMaxLength(450);
        b.Property(q => q.Text).HasMaxLength(QuestionLimits.Text);
        b.Property(q => q.Answer).HasMaxLength(QuestionLimits.Answer);
        b.HasOne<Requirements.Requirement>().WithMany().HasForeignKey(q => q.RequirementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(q => q.AskedByOrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
