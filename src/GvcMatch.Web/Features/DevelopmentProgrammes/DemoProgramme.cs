using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.DevelopmentProgrammes;

/// <summary>
/// The demo's development programme: run by the first demo buyer, with the first two demo SMEs
/// enrolled (one accepted, one invited), a certificate milestone for all and a text milestone, so
/// the programme pages have something to show on first start.
/// </summary>
public static class DemoProgramme
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<DevelopmentProgramme>().AnyAsync(ct)) return;
        // The demo buyer and supplier people sign in as (Rheinfeld, Kawaguchi) when the demo files have them.
        var runner = await db.Organizations.Where(o => o.Kind == OrganizationKind.Mne)
            .OrderBy(o => o.Key == "mne-de-rheinfeld-automobil" ? 0 : 1).ThenBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        var smes = await db.Organizations.Where(o => o.Kind == OrganizationKind.Sme)
            .OrderBy(o => o.Key == "sme-jp-kawaguchi-precision" ? 0 : 1).ThenBy(o => o.Id).Select(o => o.Id).Take(2).ToListAsync(ct);
        if (runner is null || smes.Count < 2) return;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var programme = new DevelopmentProgramme
        {
            OrganizationId = runner.Value, Title = "Supplier development: environmental management and surface finishing",
            Aim = "Coach two machining suppliers to ISO 14001 and a documented surface-finishing process within a year, with monthly mentoring calls.",
            StartsOn = today.AddDays(-30), EndsOn = today.AddDays(335), IsicCodes = ["2592"], CreatedAt = now,
            Enrolments =
            [
                new ProgrammeEnrolment { OrganizationId = smes[0], Status = EnrolmentStatus.Accepted, InvitedAt = now.AddDays(-30), AnsweredAt = now.AddDays(-29) },
                new ProgrammeEnrolment { OrganizationId = smes[1], Status = EnrolmentStatus.Invited, InvitedAt = now.AddDays(-2) },
            ],
            Milestones =
            [
                new ProgrammeMilestone { Kind = MilestoneKind.Certificate, Title = "ISO 14001 certificate", Standard = "ISO 14001", Due = today.AddDays(300) },
                new ProgrammeMilestone { Kind = MilestoneKind.Text, Title = "Surface-finishing work instructions reviewed by the buyer", Due = today.AddDays(120) },
            ],
        };
        db.Add(programme);
        await db.SaveChangesAsync(ct);
    }
}
