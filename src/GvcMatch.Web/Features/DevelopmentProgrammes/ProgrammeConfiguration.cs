using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.DevelopmentProgrammes;

public static class ProgrammeLimits
{
    public const int Title = 200;
    public const int Aim = 4000;
    public const int Note = 2000;
    public const int Code = 80;
}

internal sealed class DevelopmentProgrammeConfiguration : IEntityTypeConfiguration<DevelopmentProgramme>
{
    public void Configure(EntityTypeBuilder<DevelopmentProgramme> b)
    {
        b.ToTable("DevelopmentProgrammes");
        b.HasIndex(p => p.OrganizationId);
        // The open list and gap plans look programmes up by their end date.
        b.HasIndex(p => p.EndsOn);
        b.Property(p => p.Title).HasMaxLength(ProgrammeLimits.Title);
        b.Property(p => p.Aim).HasMaxLength(ProgrammeLimits.Aim);
        b.Property(p => p.IsicCodes).HasJsonList();
        b.Property(p => p.HsCodes).HasJsonList();
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Enrolments).WithOne().HasForeignKey(e => e.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgrammeEnrolmentConfiguration : IEntityTypeConfiguration<ProgrammeEnrolment>
{
    public void Configure(EntityTypeBuilder<ProgrammeEnrolment> b)
    {
        b.ToTable("ProgrammeEnrolments");
        // One enrolment per SME and programme: a second invitation is the same row.
        b.HasIndex(e => new { e.ProgrammeId, e.OrganizationId }).IsUnique();
        b.HasIndex(e => e.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgrammeMilestoneConfiguration : IEntityTypeConfiguration<ProgrammeMilestone>
{
    public void Configure(EntityTypeBuilder<ProgrammeMilestone> b)
    {
        b.ToTable("ProgrammeMilestones");
        b.HasIndex(m => m.ProgrammeId);
        b.Property(m => m.Title).HasMaxLength(ProgrammeLimits.Title);
        b.Property(m => m.Standard).HasMaxLength(ProgrammeLimits.Code);
        b.Property(m => m.Scope).HasMaxLength(ProgrammeLimits.Code);
        b.Property(m => m.ConceptId).HasMaxLength(ProgrammeLimits.Code);
        b.Property(m => m.Unit).HasMaxLength(20);
        b.Property(m => m.Minimum).HasPrecision(18, 4);
        b.HasOne<ProgrammeEnrolment>().WithMany().HasForeignKey(m => m.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MilestoneMarkConfiguration : IEntityTypeConfiguration<MilestoneMark>
{
    public void Configure(EntityTypeBuilder<MilestoneMark> b)
    {
        b.ToTable("ProgrammeMilestoneMarks");
        b.HasIndex(m => new { m.MilestoneId, m.EnrolmentId }).IsUnique();
        b.Property(m => m.Note).HasMaxLength(ProgrammeLimits.Note);
        b.Property(m => m.MarkedByUserId).HasMaxLength(450);
        b.HasOne<ProgrammeMilestone>().WithMany().HasForeignKey(m => m.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProgrammeEnrolment>().WithMany().HasForeignKey(m => m.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
